package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.control.DeliveryQueue;
import api.pantheon.payments.timers.OneAtATime;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, moves owed deliveries that are due from the database onto the JMS queue. Owed
 * deliveries are rows, so after a restart (or a lost message) they are simply found again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryRelay {

    private static final Logger LOG = Logger.getLogger(DeliveryRelay.class.getName());
    private static final int BATCH = 500;

    @Inject
    Events events;

    @Inject
    DeliveryQueue queue;

    private final OneAtATime guard = new OneAtATime();
    private volatile boolean stopped;

    /**
     * No more relaying in this instance: it is about to stop, and the embedded broker's own shutdown
     * hook may already be closing it, so a message sent now could be lost while its row reads queued
     * (and would then wait for the stale-delivery sweep). Due rows wait for the next start instead.
     */
    public void stop() {
        stopped = true;
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "callback relay")
    void relay() {
        if (stopped) {
            return;
        }
        guard.run(() -> {
            try {
                List<String> due;
                do {
                    due = events.claimDue(BATCH);
                    queue.send(due);
                } while (due.size() == BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Relaying deliveries failed; the next tick retries", e);
            }
        });
    }
}
