package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.payments.control.Intake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while stopping or drained, so that a load balancer sends new payments elsewhere. */
@Readiness
@ApplicationScoped
public class IntakeReadiness implements HealthCheck {

    @Inject
    Intake intake;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("payments-intake").status(intake.isOpen()).build();
    }
}
