package api.pantheon.payments.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the broker cannot be reached, as the callback relay last found it: callbacks are then
 * kept owed in the database (nothing is lost) and leave once it is back.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    DeliveryRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("broker").status(relay.brokerReached()).build();
    }
}
