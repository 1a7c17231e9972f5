package api.pantheon.payments.edge;

import api.pantheon.payments.backoffice.boundary.BackOffice;
import api.pantheon.payments.diagnostics.SqlStatements;
import api.pantheon.payments.payments.entity.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The database's side of the server's metrics ({@code /metrics}, Prometheus' format): the statements
 * this instance sent (what the benchmark divides by operations), and what the whole cluster owes, read
 * from the database. One scrape reads several gauges; they share one reading of at most a second ago.
 */
@ApplicationScoped
public class DatabaseMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private record Reading(Instant at, BackOffice.Gauges gauges) {
    }

    @Inject
    BackOffice backOffice;

    @Inject
    MetricRegistry registry;

    @Inject
    Clock clock;

    private volatile Reading last;

    /** Registered as the application starts, so that the first scrape finds them. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(metadata("sql_statements", MetricUnits.NONE,
                "SQL statements sent to the database by this instance since it started"), this, metrics -> SqlStatements.total());
        for (PaymentStatus status : PaymentStatus.values()) {
            gauge("payments", "Payments (and transfers, refunds) by status", gauges -> gauges.payments().getOrDefault(status, 0L),
                    new Tag("status", status.name().toLowerCase(Locale.ROOT)));
        }
        gauge("callbacks_owed", "Callbacks not yet delivered that are still being tried", gauges -> gauges.callbacks().owed());
        gauge("callbacks_dead", "Callbacks that ran out of tries", gauges -> gauges.callbacks().dead());
        gauge("payment_requests_overdue", "Pending payment requests past their deadline whose expiry is not stored yet",
                BackOffice.Gauges::overdueRequests);
        registry.gauge(metadata("payment_requests_expiry_lag", MetricUnits.SECONDS,
                        "How long the oldest overdue pending request has been past its deadline (0 when none is)"),
                this, metrics -> metrics.reading().expiryLag().toMillis() / 1000.0);
    }

    private void gauge(String name, String description, ToLongFunction<BackOffice.Gauges> value, Tag... tags) {
        registry.gauge(metadata(name, MetricUnits.NONE, description), this, metrics -> value.applyAsLong(metrics.reading()), tags);
    }

    private static Metadata metadata(String name, String unit, String description) {
        return Metadata.builder().withName(name).withUnit(unit).withDescription(description).build();
    }

    private BackOffice.Gauges reading() {
        Instant now = clock.instant();
        Reading reading = last;
        if (reading == null || reading.at().plus(FRESH_FOR).isBefore(now)) {
            reading = new Reading(now, backOffice.gauges(now));
            last = reading;
        }
        return reading.gauges();
    }
}
