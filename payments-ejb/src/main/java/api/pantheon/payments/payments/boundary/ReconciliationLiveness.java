package api.pantheon.payments.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** How reconciliation's rounds are going: how many, and when the last one finished. */
@Liveness
@ApplicationScoped
public class ReconciliationLiveness implements HealthCheck {

    @Inject
    Reconciliation reconciliation;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("payment-reconciliation").up()
                .withData("rounds", reconciliation.rounds())
                .withData("last_completed", reconciliation.lastCompleted().toString()).build();
    }
}
