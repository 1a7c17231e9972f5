package api.pantheon.payments.instances.boundary;

import api.pantheon.payments.instances.control.ThisInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which instance answers: behind a balancer, whoever reads {@code /health} (an operator, the balancer's
 * log, a test) can tell the instances apart. Its presence also tells that the application is deployed,
 * not only the server up.
 */
@Liveness
@Readiness
@ApplicationScoped
public class InstanceHealth implements HealthCheck {

    @Inject
    ThisInstance self;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("instance").up().withData("name", self.name()).withData("id", self.id()).build();
    }
}
