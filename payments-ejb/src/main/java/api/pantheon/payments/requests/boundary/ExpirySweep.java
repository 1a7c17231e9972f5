package api.pantheon.payments.requests.boundary;

import api.pantheon.payments.timers.OneAtATime;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wakes every second and expires what fell due. Deadlines live in the database, so this timer is
 * not persistent: after a restart (or while another instance is down) the first sweep catches up on
 * everything that fell due meanwhile. Reads and payments judge expiry by the clock themselves, so
 * the sweep only has to make the stored status catch up.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
    private static final int BATCH = 500;

    @Inject
    PaymentRequests requests;

    @Inject
    Clock clock;

    private final OneAtATime guard = new OneAtATime();
    private volatile Instant lastCompleted;

    @PostConstruct
    void started() {
        lastCompleted = clock.instant();
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "payment request expiry")
    void sweep() {
        guard.run(() -> {
            try {
                int expired;
                do {
                    expired = requests.expireDue(BATCH);
                } while (expired == BATCH);
                lastCompleted = clock.instant();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Expiry sweep failed; the next one will retry", e);
            }
        });
    }

    /** When the last sweep finished; liveness reads it to tell that deadlines are being kept. */
    public Instant lastCompleted() {
        return lastCompleted;
    }
}
