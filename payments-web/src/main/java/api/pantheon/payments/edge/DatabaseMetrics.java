package api.pantheon.payments.edge;

import api.pantheon.payments.diagnostics.SqlStatements;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/** The database's side of the server's metrics ({@code /metrics}): what the benchmark divides by operations. */
@ApplicationScoped
public class DatabaseMetrics {

    @Inject
    PaymentRequests requests;

    /** Made as the application starts: a gauge is registered when its bean is first made. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // making the bean is the point
    }

    @Gauge(name = "sql_statements", absolute = true, unit = MetricUnits.NONE,
            description = "SQL statements sent to the database since the server started")
    public long sqlStatements() {
        return SqlStatements.total();
    }

    @Gauge(name = "payment_requests_overdue", absolute = true, unit = MetricUnits.NONE,
            description = "Pending payment requests past their deadline whose expiry is not stored yet")
    public long overdueRequests() {
        return requests.overdue();
    }
}
