package api.pantheon.payments.retention.boundary;

import api.pantheon.payments.events.entity.DeliveryState;
import api.pantheon.payments.idempotency.boundary.IdempotencyStore;
import api.pantheon.payments.jobs.boundary.Jobs;
import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes what is past its retention, a round at a time, each round a transaction that also counts
 * itself in the run's progress. It never touches the books: no ledger posting, payment, paid (or
 * ever-paid) request or audit row is removed, and a request goes only with its own history (events,
 * deliveries). Records that name it as their target (audit lines, a bulk file's row, a reconciliation
 * line) keep its id; an external_id it held may make a new request once it is gone.
 */
@Stateless
public class Retention {

    public static final String JOB = "retention";
    /** Job parameters that shorten (or lengthen) the configured retention for one run, in days. */
    public static final String DELIVERIES_DAYS = "deliveries_days";
    public static final String REQUESTS_DAYS = "requests_days";
    private static final int ROUND = 500;

    /** What one step of the job removes. */
    public enum Kind {
        /** Idempotency records past their expiry. */
        IDEMPOTENCY,
        /** Delivered and dead callback deliveries, with their attempts. */
        DELIVERIES,
        /** Requests that ended unpaid (expired, declined, cancelled), with their events and deliveries. */
        REQUESTS
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    Jobs jobs;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "payments.retention.deliveries", defaultValue = "30")
    int deliveriesDays;

    @Inject
    @ConfigProperty(name = "payments.retention.requests", defaultValue = "400")
    int requestsDays;

    /** One round of removal, counted in the run's progress in the same transaction; how many went. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int removeRound(String runId, Kind kind) {
        Map<String, String> parameters = jobs.parametersOf(runId);
        int removed = switch (kind) {
            case IDEMPOTENCY -> idempotency.purgeExpired();
            case DELIVERIES -> removeDeliveries(em.createQuery("select d.id from Delivery d where d.state in :ended"
                            + " and d.updatedAt < :before order by d.id", String.class)
                    .setParameter("ended", List.of(DeliveryState.DELIVERED, DeliveryState.DEAD))
                    .setParameter("before", before(parameters, DELIVERIES_DAYS, deliveriesDays))
                    .setMaxResults(ROUND).getResultList());
            case REQUESTS -> removeRequests(em.createQuery("select r.id from PaymentRequest r where r.status in :unpaid"
                            + " and r.createdAt < :before and not exists (select p.id from Payment p where p.requestId = r.id)"
                            + " order by r.id", String.class)
                    .setParameter("unpaid", List.of(RequestStatus.EXPIRED, RequestStatus.DECLINED, RequestStatus.CANCELLED))
                    .setParameter("before", before(parameters, REQUESTS_DAYS, requestsDays))
                    .setMaxResults(ROUND).getResultList());
        };
        jobs.progressed(runId, removed, 0);
        return removed;
    }

    private OffsetDateTime before(Map<String, String> parameters, String parameter, int configuredDays) {
        int days = Optional.ofNullable(parameters.get(parameter)).map(Integer::valueOf).orElse(configuredDays);
        return clock.instant().minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC);
    }

    private int removeDeliveries(List<String> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from DeliveryAttempt a where a.deliveryId in :ids").setParameter("ids", deliveries).executeUpdate();
        return em.createQuery("delete from Delivery d where d.id in :ids").setParameter("ids", deliveries).executeUpdate();
    }

    /** A request goes with its own history: its events, and their deliveries and attempts. */
    private int removeRequests(List<String> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from DeliveryAttempt a where a.requestId in :ids").setParameter("ids", requests).executeUpdate();
        em.createQuery("delete from Delivery d where d.requestId in :ids").setParameter("ids", requests).executeUpdate();
        em.createQuery("delete from Event e where e.requestId in :ids").setParameter("ids", requests).executeUpdate();
        return em.createQuery("delete from PaymentRequest r where r.id in :ids").setParameter("ids", requests).executeUpdate();
    }
}
