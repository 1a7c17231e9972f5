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
import java.time.ZoneOffset;

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
        em.createNamedQuery(JobRun.PROGRESSED).setParameter("id", runId).setParameter("done", done)
                .setParameter("failed", failed).setParameter("now", now()).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void expect(String runId, long total) {
        em.createNamedQuery(JobRun.EXPECTED).setParameter("id", runId).setParameter("total", total)
                .setParameter("now", now()).executeUpdate();
    }

    /** Begun afresh from what its own records say is done (a run taken over from a dead instance). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recounted(String runId, long done, long failed) {
        em.createNamedQuery(JobRun.RECOUNTED).setParameter("id", runId).setParameter("done", done)
                .setParameter("failed", failed).setParameter("now", now()).executeUpdate();
    }

    /** The batch runtime has taken the run as this execution, here; a run that has already ended keeps its ending. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void executing(String runId, long executionId, String instanceId) {
        em.createNamedQuery(JobRun.EXECUTING).setParameter("id", runId).setParameter("execution", executionId)
                .setParameter("instance", instanceId).setParameter("now", now()).executeUpdate();
        em.createNamedQuery(JobRun.STARTED).setParameter("id", runId).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(String runId, JobStatus status, String outcome) {
        em.createNamedQuery(JobRun.ENDED).setParameter("id", runId).setParameter("status", status)
                .setParameter("outcome", JobRun.outcomeOf(outcome)).setParameter("now", now()).executeUpdate();
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
