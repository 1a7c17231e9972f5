package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.events.boundary.DeliveryRelay;
import api.pantheon.payments.payments.control.Answers;
import api.pantheon.payments.payments.control.InFlight;
import api.pantheon.payments.payments.control.Intake;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What the server does when it is asked to stop (SIGTERM, or SIGINT from a terminal): new payments
 * get 503 at once, the submissions in flight have up to {@code payments.stop.grace-seconds} to be
 * answered, the rest are parked as {@code UNKNOWN} (their waiting callers get the 202 with links)
 * and reconciliation settles them after the next start. Callbacks are relayed until then, and owed
 * ones left wait in the database. Behind a load balancer, the instance also keeps serving everything
 * but new payments for {@code payments.stop.drain-seconds} after its readiness reads DOWN, so that the
 * balancer has stopped sending it calls before the server closes. Only then does the JVM's own stop run.
 *
 * <p>A signal handler, not a shutdown hook: the JVM runs shutdown hooks side by side, and Payara's
 * closes the HTTP listener and undeploys the application at once, so a hook could not answer 503
 * or wait for anything. A second signal stops the server without waiting.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());
    private static final String[] SIGNALS = {"TERM", "INT"};

    @Inject
    @ConfigProperty(name = "payments.stop.grace-seconds", defaultValue = "10")
    int graceSeconds;

    /** Longer than the balancer takes to see readiness DOWN (its check interval times its failures). */
    @Inject
    @ConfigProperty(name = "payments.stop.drain-seconds", defaultValue = "0")
    int drainSeconds;

    @Inject
    Intake intake;

    @Inject
    InFlight inFlight;

    @Inject
    Submissions submissions;

    @Inject
    Answers answers;

    @Inject
    DeliveryRelay relay;

    @Resource
    ManagedThreadFactory threads;

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    @PostConstruct
    void listen() {
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                previous.put(signal, Signal.handle(signal, this::stop));
            } catch (IllegalArgumentException reserved) {
                // -Xrs, or a signal the JVM keeps for itself: the server then stops without grace
                LOG.warning("Cannot handle SIG" + name + "; stopping on it will not wait for payments in flight");
            }
        }
    }

    @PreDestroy
    void restore() {
        previous.forEach(Signal::handle);
        previous.clear();
    }

    private void stop(Signal signal) {
        if (stopping.compareAndSet(false, true)) {
            // The signal arrives on a JVM thread with none of the application's context: the work
            // runs on a managed thread, and the signal thread waits for it.
            Thread parking = threads.newThread(this::finishInFlight);
            parking.start();
            try {
                parking.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        SignalHandler next = previous.get(signal);
        if (next == null || next == SignalHandler.SIG_DFL || next == SignalHandler.SIG_IGN) {
            System.exit(128 + signal.getNumber());
        } else {
            next.handle(signal);
        }
    }

    private void finishInFlight() {
        intake.close();
        long drainedAt = System.nanoTime() + Duration.ofSeconds(drainSeconds).toNanos();
        try {
            Set<String> unanswered = inFlight.awaitNone(Duration.ofSeconds(graceSeconds));
            if (!unanswered.isEmpty()) {
                LOG.info("Stopping: parking " + unanswered.size() + " payment(s) still awaiting the business system;"
                        + " reconciliation settles them after the next start");
                submissions.park(unanswered).forEach(answers::answered);
            }
            // no signal to wait for: the balancer's checks are its own
            Thread.sleep(Math.max(0, (drainedAt - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warning("Stopping: parking payments failed (" + e + "); reconciliation settles them after the next start");
        } finally {
            relay.stop();
        }
    }
}
