package api.pantheon.payments.requests.control;

import api.pantheon.payments.requests.boundary.PaymentRequests;
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
import java.util.concurrent.atomic.AtomicBoolean;
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

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant lastCompleted;

    @PostConstruct
    void started() {
        lastCompleted = clock.instant();
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "payment request expiry")
    void sweep() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous sweep is still catching up; it will take these rows too
        }
        try {
            int expired;
            do {
                expired = requests.expireDue(BATCH);
                if (expired > 0) {
                    int count = expired;
                    LOG.fine(() -> "Expired " + count + " payment requests");
                }
            } while (expired == BATCH);
            lastCompleted = clock.instant();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiry sweep failed; the next one will retry", e);
        } finally {
            running.set(false);
        }
    }

    /** When the last sweep finished; liveness reads it to tell that deadlines are being kept. */
    public Instant lastCompleted() {
        return lastCompleted;
    }
}
