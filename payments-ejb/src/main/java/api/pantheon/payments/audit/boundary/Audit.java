package api.pantheon.payments.audit.boundary;

import api.pantheon.payments.audit.entity.AuditEntry;
import api.pantheon.payments.audit.entity.AuditView;
import api.pantheon.payments.errors.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail. Every write records itself here, in its own transaction, so a write and its line
 * stand or fall together; a refused write records itself in a transaction of its own, since the
 * write's is rolled back. Lines are only inserted.
 */
@Stateless
public class Audit {

    @PersistenceContext
    EntityManager em;

    @Inject
    Acting acting;

    @Inject
    Clock clock;

    /** This bean through its container, so that {@link #refused} gets its own transaction when called from here. */
    @Resource
    SessionContext self;

    /** What a line of the trail is about: {@code ("request", id)}, {@code ("party", id)}, … */
    public record Target(String kind, String id) {

        public static Target request(String id) {
            return new Target("request", id);
        }

        public static Target party(String id) {
            return new Target("party", id);
        }

        public static Target account(Long id) {
            return new Target("account", String.valueOf(id));
        }

        public static Target payment(String id) {
            return new Target("payment", id);
        }

        public static Target event(String id) {
            return new Target("event", id);
        }

        public static Target key(String id) {
            return new Target("key", id);
        }

        public static Target operator(String username) {
            return new Target("operator", username);
        }

        public static Target platform() {
            return new Target("platform", "intake");
        }
    }

    /** Who the current call is made by, as a run or a report names its starter: {@code OPERATOR maria}. */
    public String actorName() {
        return acting.actor().kind() + " " + acting.actor().name();
    }

    /** The reason the call carries (an operator's Audit-Reason), with what the write itself records. */
    public String withCallerReason(String detail) {
        String given = acting.reason();
        return given == null || given.isBlank() ? detail : detail == null ? given : given + " (" + detail + ")";
    }

    /** A write done, in the writer's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void done(String action, Target target, String reason, Instant now) {
        write(action, target, reason, AuditEntry.Outcome.DONE, now);
    }

    /** A write that stores nothing else (draining an instance), in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void doneAlone(String action, Target target, String reason) {
        write(action, target, reason, AuditEntry.Outcome.DONE, clock.instant());
    }

    /** A write refused (a role that may not, a missing reason): kept although the write was not. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(String action, Target target, String reason) {
        write(action, target, reason, AuditEntry.Outcome.REFUSED, clock.instant());
    }

    private void write(String action, Target target, String reason, AuditEntry.Outcome outcome, Instant now) {
        em.persist(new AuditEntry(acting.actor(), action, target.kind(), target.id(), trimmed(reason), outcome, now));
    }

    /**
     * Why this write is made: the reason given, else the one the call carries. Staff (an operator, the
     * admin token) must say why they refund, cancel, expire, deposit, or change keys and operators;
     * clients need not.
     */
    public String requireReason(String action, Target target, String reason) {
        String why = reason == null || reason.isBlank() ? acting.reason() : reason;
        if (acting.actor().isStaff() && (why == null || why.isBlank())) {
            self.getBusinessObject(Audit.class).refused(action, target, null);
            throw ErrorCode.REASON_REQUIRED.exception("reason: is required to " + action.replace('.', ' '));
        }
        return why;
    }

    /** The trail, newest first, narrowed by whatever is given; {@code beforeId} pages back. */
    public List<AuditView> search(String actor, String action, String targetId, Instant from, Instant to, Long beforeId,
                                  int limit) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntry a where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        narrow(jpql, parameters, "a.actor =", "actor", actor);
        narrow(jpql, parameters, "a.action =", "action", action);
        narrow(jpql, parameters, "a.targetId =", "target", targetId);
        narrow(jpql, parameters, "a.occurredAt >=", "from", from == null ? null : from.atOffset(ZoneOffset.UTC));
        narrow(jpql, parameters, "a.occurredAt <", "to", to == null ? null : to.atOffset(ZoneOffset.UTC));
        narrow(jpql, parameters, "a.id <", "before", beforeId);
        TypedQuery<AuditEntry> query = em.createQuery(jpql.append(" order by a.id desc").toString(), AuditEntry.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList().stream().map(AuditView::of).toList();
    }

    private static void narrow(StringBuilder jpql, Map<String, Object> parameters, String condition, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(condition).append(" :").append(name);
            parameters.put(name, value);
        }
    }

    private static String trimmed(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String text = reason.strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
