package api.pantheon.payments.idempotency.boundary;

import api.pantheon.payments.errors.Conflicts;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.idempotency.entity.IdempotencyRecord;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps a client's {@code Idempotency-Key} with the answer its first use got, for
 * {@code payments.idempotency.lifetime-hours}. A call that is one short transaction keeps its answer
 * in that transaction ({@link #keepWithTheCall}). Any other call claims the key before it runs and
 * keeps the answer after, each step committed on its own so that a claim is visible to a concurrent
 * retry at once; a client may hold at most {@code payments.idempotency.max-open-per-client} such
 * claims still running, so that nobody can fill the table with claims that never end.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyStore {

    /**
     * Longer than any call takes. A claim older than this lost its call to a crash; the call's own
     * rules (a paid request stays paid) keep the retry from acting twice.
     */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final int PURGED_PER_ROUND = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "payments.idempotency.lifetime-hours", defaultValue = "24")
    int lifetimeHours;

    @Inject
    @ConfigProperty(name = "payments.idempotency.max-open-per-client", defaultValue = "100")
    int maxOpenPerClient;

    /**
     * Empty when the key is new and now claimed (run the call); the stored answer when the same call
     * already ran. Throws when the key was used for another request (422), is still running (409),
     * ran but may not be replayed (409), or the client has too many calls running (429).
     */
    public Optional<StoredResponse> claim(String clientId, String key, String requestHash) {
        Instant now = clock.instant();
        Duration lifetime = Duration.ofHours(lifetimeHours);
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, IdempotencyRecord.scope(clientId, key));
        if (existing == null) {
            requireRoomForAnotherClaim(clientId, now);
            insert(new IdempotencyRecord(clientId, key, requestHash, now, lifetime));
            return Optional.empty();
        }
        if (existing.isExpiredAt(now)) {
            requireRoomForAnotherClaim(clientId, now);
            existing.claim(requestHash, now, lifetime);
            return Optional.empty();
        }
        if (!existing.matches(requestHash)) {
            throw ErrorCode.IDEMPOTENCY_KEY_REUSED.exception();
        }
        if (existing.isAbandonedBefore(now.minus(ABANDONED_AFTER))) {
            existing.claim(requestHash, now, lifetime);
            return Optional.empty();
        }
        return Optional.of(answerOf(existing));
    }

    /**
     * Whether the key was never used (or its record is gone): then its call may run with its answer
     * kept in the call's own transaction ({@link #keepWithTheCall}), and nothing needs claiming first.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isUnused(String clientId, String key) {
        return find(clientId, key).isEmpty();
    }

    /**
     * Keeps a call's answer in the transaction that did its work, so that both commit or neither does:
     * a crash can never leave work done without the record that stops its retry from doing it again.
     * Two first uses racing both run; the second to write its record meets the first's key and rolls
     * back its work whole, and its caller is given the first's answer ({@link #answerKept}).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void keepWithTheCall(String clientId, String key, String requestHash, int status, String body, boolean replayable) {
        persistAnswered(clientId, key, requestHash, status, body, replayable);
    }

    /** Keeps the answer of a call whose work rolled back (refused, or bad input), on its own. */
    public void keep(String clientId, String key, String requestHash, int status, String body, boolean replayable) {
        persistAnswered(clientId, key, requestHash, status, body, replayable);
    }

    /**
     * The answer kept for the key, for a call that lost the race to keep its own; empty when there is
     * none. Throws as {@link #claim} does when the key was used for another request or its answer
     * cannot be given again.
     */
    public Optional<StoredResponse> answerKept(String clientId, String key, String requestHash) {
        return find(clientId, key).map(kept -> {
            if (!kept.matches(requestHash)) {
                throw ErrorCode.IDEMPOTENCY_KEY_REUSED.exception();
            }
            return answerOf(kept);
        });
    }

    private void persistAnswered(String clientId, String key, String requestHash, int status, String body, boolean replayable) {
        Instant now = clock.instant();
        IdempotencyRecord record = new IdempotencyRecord(clientId, key, requestHash, now, Duration.ofHours(lifetimeHours));
        answer(record, status, body, replayable, now);
        em.flush(); // the call's own writes first, so that a failure of its work is not taken for the key's
        insert(record);
    }

    private void insert(IdempotencyRecord record) {
        try {
            em.persist(record);
            em.flush();
        } catch (PersistenceException e) {
            if (Conflicts.isDuplicateKey(e)) {
                throw ErrorCode.IDEMPOTENCY_IN_FLIGHT.exception(); // a concurrent first use won
            }
            throw e;
        }
    }

    private static StoredResponse answerOf(IdempotencyRecord existing) {
        if (!existing.isCompleted()) {
            throw ErrorCode.IDEMPOTENCY_IN_FLIGHT.exception();
        }
        if (!existing.isReplayable()) {
            throw ErrorCode.ANSWER_NOT_REPLAYABLE.exception();
        }
        return new StoredResponse(existing.responseStatus().orElseThrow(), existing.responseBody().orElse(null));
    }

    private void requireRoomForAnotherClaim(String clientId, Instant now) {
        long open = em.createNamedQuery(IdempotencyRecord.OPEN_OF_CLIENT, Long.class).setParameter("client", clientId)
                .setParameter("since", now.minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC)).getSingleResult();
        if (open >= maxOpenPerClient) {
            throw ErrorCode.TOO_MANY_REQUESTS.exception("Idempotency-Key: at most " + maxOpenPerClient
                    + " calls with a key may run at once; retry when some have answered");
        }
    }

    /** The claimed call answered; an answer that held a secret is remembered as given, never kept. */
    public void complete(String clientId, String key, int status, String body, boolean replayable) {
        Instant now = clock.instant();
        find(clientId, key).ifPresent(record -> answer(record, status, body, replayable, now));
    }

    private static void answer(IdempotencyRecord record, int status, String body, boolean replayable, Instant now) {
        if (replayable) {
            record.complete(status, body, now);
        } else {
            record.completeWithoutReplay(status, now);
        }
    }

    /** Frees the key after a failure on our side, so that the client's retry can run the call. */
    public void release(String clientId, String key) {
        find(clientId, key).filter(record -> !record.isCompleted()).ifPresent(em::remove);
    }

    /** Removes up to a round's worth of expired records; how many it removed. */
    public int purgeExpired() {
        List<String> expired = em.createNamedQuery(IdempotencyRecord.EXPIRED, String.class)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).setMaxResults(PURGED_PER_ROUND)
                .getResultList();
        return expired.isEmpty() ? 0
                : em.createNamedQuery(IdempotencyRecord.REMOVE).setParameter("scopes", expired).executeUpdate();
    }

    private Optional<IdempotencyRecord> find(String clientId, String key) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, IdempotencyRecord.scope(clientId, key)));
    }
}
