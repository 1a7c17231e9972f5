package api.pantheon.payments.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client's {@code Idempotency-Key} was first used for, and the answer it got, until it
 * expires. The primary key is the client and the key together, so two racing first uses cannot both
 * win. An answer that held a secret is never kept: its retries are told so instead.
 */
@Entity
@Table(name = "idempotency_record")
@NamedQuery(name = IdempotencyRecord.OPEN_OF_CLIENT, query = "select count(r) from IdempotencyRecord r"
        + " where r.clientId = :client and r.completedAt is null and r.createdAt >= :since")
@NamedQuery(name = IdempotencyRecord.EXPIRED, query = "select r.scope from IdempotencyRecord r where r.expiresAt < :now")
@NamedQuery(name = IdempotencyRecord.REMOVE, query = "delete from IdempotencyRecord r where r.scope in :scopes")
public class IdempotencyRecord {

    /** Claims of one client still running (made since a moment, so abandoned ones stop counting). */
    public static final String OPEN_OF_CLIENT = "IdempotencyRecord.openOfClient";
    public static final String EXPIRED = "IdempotencyRecord.expired";
    public static final String REMOVE = "IdempotencyRecord.remove";

    @Id
    @Column(length = 300)
    private String scope;

    @Column(name = "client_id", length = 64, updatable = false)
    private String clientId;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body", length = 1_000_000)
    private String responseBody;

    /** False when the answer held a secret shown only once: then no body is kept. */
    @Column(nullable = false)
    private boolean replayable = true;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(String clientId, String key, String requestHash, Instant now, Duration lifetime) {
        this.scope = scope(clientId, key);
        this.clientId = Objects.requireNonNull(clientId);
        claim(requestHash, now, lifetime);
    }

    public static String scope(String clientId, String key) {
        return clientId + ':' + key;
    }

    /** A new first use: of a new key, of an expired one, or of one whose call never reported back. */
    public void claim(String requestHash, Instant now, Duration lifetime) {
        this.requestHash = Objects.requireNonNull(requestHash);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.expiresAt = now.plus(lifetime).atOffset(ZoneOffset.UTC);
        this.responseStatus = null;
        this.responseBody = null;
        this.replayable = true;
        this.completedAt = null;
    }

    public void complete(int status, String body, Instant now) {
        this.responseStatus = status;
        this.responseBody = body;
        this.completedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The call answered with a secret: remember that it ran, never what it said. */
    public void completeWithoutReplay(int status, Instant now) {
        complete(status, null, now);
        this.replayable = false;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }

    /** A claim whose call never reported back (the server stopped mid-call) may be taken over. */
    public boolean isAbandonedBefore(Instant cutoff) {
        return completedAt == null && createdAt.toInstant().isBefore(cutoff);
    }

    public boolean matches(String hash) {
        return requestHash.equals(hash);
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public boolean isReplayable() {
        return replayable;
    }

    public Optional<Integer> responseStatus() {
        return Optional.ofNullable(responseStatus);
    }

    public Optional<String> responseBody() {
        return Optional.ofNullable(responseBody);
    }
}
