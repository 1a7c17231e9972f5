package api.pantheon.payments.payments.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.instances.boundary.Leases;
import api.pantheon.payments.payments.control.Answers;
import api.pantheon.payments.payments.control.BusinessSystem;
import api.pantheon.payments.timers.OneAtATime;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles submissions whose answer is overdue: those the business system did not answer in time
 * ({@code UNKNOWN}) and those in flight when a server stopped. It asks the business system again
 * about the same submission id; one it never received is submitted again, under the same id.
 *
 * <p>Every instance's timer fires, but a round runs on the one instance that holds the
 * {@value #LEASE} lease, so the business system is asked once per payment per round, cluster-wide.
 * The lease outlives a round only while its holder keeps taking it; a holder that dies lets it run out
 * within {@link #LEASE_LENGTH}, and the survivor's next round takes over.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());
    /** Longer than the business system's read time-out, so a live call is never asked about. */
    private static final Duration OVERDUE_AFTER = Duration.ofSeconds(15);
    private static final int BATCH = 200;
    static final String LEASE = "reconciliation";
    /** Shorter than the 5 s between rounds, so that the next round may go to any instance. */
    private static final Duration LEASE_LENGTH = Duration.ofSeconds(4);
    /** A round still at work this long after it took the lease takes it again before the next payment. */
    private static final Duration RENEW_AFTER = Duration.ofSeconds(2);

    @Inject
    Submissions submissions;

    @Inject
    BusinessSystem businessSystem;

    @Inject
    SubmissionRunner runner;

    @Inject
    Answers answers;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Leases leases;

    private final OneAtATime guard = new OneAtATime();
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile Instant lastCompleted = Instant.EPOCH;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "payment reconciliation")
    void reconcile() {
        if (!businessSystem.isConfigured()) {
            return;
        }
        guard.run(() -> {
            Instant leased = clock.instant();
            if (leases.take(LEASE, LEASE_LENGTH)) {
                for (String paymentId : submissions.unsettled(leased.minus(OVERDUE_AFTER), BATCH)) {
                    if (clock.instant().isAfter(leased.plus(RENEW_AFTER))) {
                        leased = clock.instant();
                        if (!leases.take(LEASE, LEASE_LENGTH)) {
                            break;
                        }
                    }
                    reconcile(paymentId);
                }
                rounds.incrementAndGet();
            }
            // also when another instance holds the lease: this timer is alive, which is what liveness asks
            lastCompleted = clock.instant();
        });
    }

    private void reconcile(String paymentId) {
        try {
            askAndApply(paymentId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciling submission " + paymentId + " failed; the next round retries", e);
        }
    }

    /**
     * An operator asks the business system now about one payment whose outcome is unknown: settled if
     * it has answered, sent again if it has not heard of it. The answer as it stands (approved,
     * declined, unknown).
     */
    public String askAgain(String paymentId) {
        audit.doneAlone("payment.ask-again", Audit.Target.payment(paymentId), null);
        return askAndApply(paymentId).name().toLowerCase();
    }

    /** Settled if the business system has answered, sent again under the same id if it never heard of it. */
    private BusinessSystem.Answer askAndApply(String paymentId) {
        BusinessSystem.Answer answer = businessSystem.status(paymentId);
        if (answer == BusinessSystem.Answer.UNKNOWN) {
            runner.submit(paymentId);
        } else {
            submissions.settle(paymentId, answer).ifPresent(answers::answered);
        }
        return answer;
    }

    /** When the last round finished, and how many have since the start: liveness, and a signal tests wait for. */
    public Instant lastCompleted() {
        return lastCompleted;
    }

    public int rounds() {
        return rounds.get();
    }
}
