package api.pantheon.payments.audit.entity;

import java.time.Instant;
import java.util.Optional;

/** A line of the audit trail as read. */
public record AuditView(long id, Instant occurredAt, Actor actor, String action, String targetKind, String targetId,
                        Optional<String> reason, AuditEntry.Outcome outcome) {

    public static AuditView of(AuditEntry entry) {
        return new AuditView(entry.id(), entry.occurredAt(), entry.actor(), entry.action(), entry.targetKind(),
                entry.targetId(), entry.reason(), entry.outcome());
    }
}
