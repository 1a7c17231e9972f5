package api.pantheon.payments.events.control;

import api.pantheon.payments.requests.entity.RequestStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * This instance's counts of requests created and paid, for {@code /metrics}. A count goes up when the
 * transaction that made the change commits, so a rolled-back create is never counted. Each instance
 * counts its own; the metrics' {@code instance} tag tells them apart, and a sum is the cluster's.
 */
@ApplicationScoped
public class RequestCounters {

    @Inject
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private Counter created;
    private Counter paid;

    /** Made as the application starts, so that the counters read 0 before the first request rather than being absent. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // making the bean is the point
    }

    @PostConstruct
    void register() {
        created = registry.counter(Metadata.builder().withName("payment_requests_created")
                .withDescription("Payment requests created by this instance").build());
        paid = registry.counter(Metadata.builder().withName("payment_requests_paid")
                .withDescription("Payment requests paid through this instance").build());
    }

    /** The request entered {@code status} in the current transaction. */
    public void entered(RequestStatus status) {
        Counter counter = switch (status) {
            case PENDING -> created;
            case PAID -> paid;
            default -> null;
        };
        if (counter != null) {
            transactions.registerInterposedSynchronization(new AfterCommit(counter));
        }
    }

    private record AfterCommit(Counter counter) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // counted only once committed
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                counter.inc();
            }
        }
    }
}
