package api.pantheon.payments.requests.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the expiry sweep keeps running: if the timer service stops, deadlines stop being kept
 * and a restart is the cure, which is what a liveness probe is for.
 */
@Liveness
@ApplicationScoped
public class ExpiryLiveness implements HealthCheck {

    private static final Duration STALE = Duration.ofSeconds(60);

    @Inject
    ExpirySweep sweep;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        Instant last = sweep.lastCompleted();
        boolean fresh = last.isAfter(clock.instant().minus(STALE));
        return HealthCheckResponse.named("expiry-sweep").status(fresh).withData("last_completed", last.toString()).build();
    }
}
