package api.pantheon.payments.ledger.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the books are unchecked or do not balance. */
@Readiness
@ApplicationScoped
public class BooksReadiness implements HealthCheck {

    @Inject
    Books books;

    @Override
    public HealthCheckResponse call() {
        return books.last()
                .map(report -> HealthCheckResponse.named("books").status(report.balanced())
                        .withData("checked_at", report.checkedAt().toString()).build())
                .orElseGet(() -> HealthCheckResponse.named("books").down().withData("checked_at", "not yet").build());
    }
}
