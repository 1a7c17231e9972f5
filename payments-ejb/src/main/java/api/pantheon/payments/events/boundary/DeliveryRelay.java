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
import java.time.Duration;
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
    /**
     * At most this many of this instance's claims wait on the queue: well under what the workers
     * deliver within the stale limit, after which a claim still queued would be owed again.
     */
    private static final int IN_FLIGHT = 2_000;
    /**
     * Deliveries to one receiver that a worker takes together (a transaction to start them, one to record
     * them): a few, and more when there are many, up to this.
     */
    private static final int FEWEST_PER_MESSAGE = 10;
    private static final int MOST_PER_MESSAGE = 100;
    private static final Duration BROKER_WAIT = Duration.ofSeconds(3);

    @Inject
    Events events;

    @Inject
    DeliveryQueue queue;

    private final OneAtATime guard = new OneAtATime();
    private volatile boolean stopped;
    /** Whether the last message this instance sent reached the broker (true until one fails). */
    private volatile boolean brokerReached = true;
    /** When the send under way began: a send waits (failover) while the broker is away. */
    private volatile long sendStartedNanos;
    private volatile boolean sending;

    /**
     * No more relaying in this instance: it is about to stop, and the embedded broker's own shutdown
     * hook may already be closing it, so a message sent now could be lost while its row reads queued
     * (and would then wait for the stale-delivery sweep). Due rows wait for the next start instead.
     */
    public void stop() {
        stopped = true;
    }

    /**
     * Readiness: whether the broker is reached, as the relay (every second, while anything is owed) last
     * found it: not after a failed send until one succeeds, nor while a send has waited for it for
     * {@link #BROKER_WAIT} already (a pass through a long backlog is many sends, each quick).
     */
    public boolean brokerReached() {
        return brokerReached && !(sending && System.nanoTime() - sendStartedNanos > BROKER_WAIT.toNanos());
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "callback relay")
    void relay() {
        if (stopped) {
            return;
        }
        guard.run(() -> {
            try {
                List<List<String>> due;
                do {
                    due = events.claimDue(BATCH, IN_FLIGHT, FEWEST_PER_MESSAGE, MOST_PER_MESSAGE);
                    sendStartedNanos = System.nanoTime();
                    sending = true;
                    try {
                        queue.send(due);
                        brokerReached = brokerReached || !due.isEmpty();
                    } catch (RuntimeException brokerUnreachable) {
                        brokerReached = false;
                        events.unclaim(due.stream().flatMap(List::stream).toList());
                        throw brokerUnreachable;
                    } finally {
                        sending = false;
                    }
                } while (due.stream().mapToInt(List::size).sum() == BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Relaying deliveries failed; the next tick retries", e);
            }
        });
    }
}
