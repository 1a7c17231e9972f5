package api.pantheon.payments.idempotency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client's {@code Idempotency-Key} was first used for, and the answer it got. The primary
 * key is the client and the key together, so two racing first uses cannot both win.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @Id
    @Column(length = 300)
    private String scope;

    @Column(name = "request_hash", nullable = false, length = 64, updatable = false)
    private String requestHash;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body", length = 1_000_000)
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(String clientId, String key, String requestHash, Instant now) {
        this.scope = scope(clientId, key);
        this.requestHash = Objects.requireNonNull(requestHash);
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public static String scope(String clientId, String key) {
        return clientId + ':' + key;
    }

    public void complete(int status, String body, Instant now) {
        this.responseStatus = status;
        this.responseBody = body;
        this.completedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A claim whose call never reported back (the server stopped mid-call) may be taken over. */
    public boolean isAbandonedBefore(Instant cutoff) {
        return completedAt == null && createdAt.toInstant().isBefore(cutoff);
    }

    public void reclaim(Instant now) {
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public boolean matches(String hash) {
        return requestHash.equals(hash);
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public Optional<Integer> responseStatus() {
        return Optional.ofNullable(responseStatus);
    }

    public Optional<String> responseBody() {
        return Optional.ofNullable(responseBody);
    }
}
