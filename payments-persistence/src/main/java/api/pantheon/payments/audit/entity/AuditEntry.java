package api.pantheon.payments.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit trail: who did what to what, when, from where and why, and whether it was
 * done or refused. Written once, in the transaction of the write it records; nothing changes or
 * removes it (every column is {@code updatable = false}, and no query here updates or deletes).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    public enum Outcome {
        DONE, REFUSED
    }

    @Id
    @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, length = 16, updatable = false)
    private Actor.ActorKind actorKind;

    @Column(nullable = false, length = 128, updatable = false)
    private String actor;

    @Column(nullable = false, length = 64, updatable = false)
    private String action;

    @Column(name = "target_kind", nullable = false, length = 32, updatable = false)
    private String targetKind;

    @Column(name = "target_id", nullable = false, length = 64, updatable = false)
    private String targetId;

    @Column(length = 64, updatable = false)
    private String address;

    @Column(length = 500, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Outcome outcome;

    protected AuditEntry() {
    }

    public AuditEntry(Actor actor, String action, String targetKind, String targetId, String reason, Outcome outcome,
                      Instant now) {
        this.occurredAt = now.atOffset(ZoneOffset.UTC);
        this.actorKind = actor.kind();
        this.actor = actor.name();
        this.address = actor.address();
        this.action = Objects.requireNonNull(action);
        this.targetKind = Objects.requireNonNull(targetKind);
        this.targetId = Objects.requireNonNull(targetId);
        this.reason = reason;
        this.outcome = Objects.requireNonNull(outcome);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }

    public Actor actor() {
        return new Actor(actorKind, actor, address);
    }

    public String action() {
        return action;
    }

    public String targetKind() {
        return targetKind;
    }

    public String targetId() {
        return targetId;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Outcome outcome() {
        return outcome;
    }
}
