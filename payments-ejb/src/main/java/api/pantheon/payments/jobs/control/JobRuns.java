package api.pantheon.payments.jobs.control;

import api.pantheon.payments.jobs.entity.JobRun;
import api.pantheon.payments.jobs.entity.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** What a running job writes of itself: its progress, in the chunk's transaction, and how it ended. */
@Stateless
public class JobRuns {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** In the chunk's own transaction: the progress counts exactly when the chunk's work does. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void progressed(String runId, long done, long failed) {
        run(runId).progressed(done, failed, clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void expect(String runId, long total) {
        run(runId).expect(total, clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(String runId, JobStatus status, String outcome) {
        run(runId).ended(status, outcome, clock.instant());
    }

    private JobRun run(String runId) {
        JobRun run = em.find(JobRun.class, runId);
        if (run == null) {
            throw new IllegalStateException("no job run " + runId);
        }
        return run;
    }
}
