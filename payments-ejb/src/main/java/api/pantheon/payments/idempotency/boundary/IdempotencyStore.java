package api.pantheon.payments.idempotency.boundary;

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
import java.util.Optional;

/**
 * Claims an {@code Idempotency-Key} for one client before its call runs and keeps the answer after.
 * Each step commits on its own, so a claim is visible to a concurrent retry at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyStore {

    /**
     * Longer than any call takes. A claim older than this lost its call to a crash; the call's own
     * rules (a paid request stays paid) keep the retry from acting twice.
     */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Empty when the key is new and now claimed (run the call); the stored answer when the same call
     * already ran. Throws when the key was used for another request (422) or is still running (409).
     */
    public Optional<StoredResponse> claim(String clientId, String key, String requestHash) {
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, IdempotencyRecord.scope(clientId, key));
        if (existing == null) {
            try {
                em.persist(new IdempotencyRecord(clientId, key, requestHash, clock.instant()));
                em.flush();
                return Optional.empty();
            } catch (PersistenceException concurrentFirstUse) {
                throw ErrorCode.IDEMPOTENCY_IN_FLIGHT.exception();
            }
        }
        if (!existing.matches(requestHash)) {
            throw ErrorCode.IDEMPOTENCY_KEY_REUSED.exception();
        }
        if (existing.isAbandonedBefore(clock.instant().minus(ABANDONED_AFTER))) {
            existing.reclaim(clock.instant());
            return Optional.empty();
        }
        if (!existing.isCompleted()) {
            throw ErrorCode.IDEMPOTENCY_IN_FLIGHT.exception();
        }
        return Optional.of(new StoredResponse(existing.responseStatus().orElseThrow(),
                existing.responseBody().orElse(null)));
    }

    public void complete(String clientId, String key, int status, String body) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, IdempotencyRecord.scope(clientId, key));
        if (record != null) {
            record.complete(status, body, clock.instant());
        }
    }

    /** Frees the key after a failure on our side, so that the client's retry can run the call. */
    public void release(String clientId, String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, IdempotencyRecord.scope(clientId, key));
        if (record != null && !record.isCompleted()) {
            em.remove(record);
        }
    }
}
