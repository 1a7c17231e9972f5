package api.pantheon.payments.jobs.boundary;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.instances.boundary.Instances;
import api.pantheon.payments.instances.control.ThisInstance;
import api.pantheon.payments.jobs.control.JobRuns;
import api.pantheon.payments.jobs.entity.JobRun;
import api.pantheon.payments.jobs.entity.JobRunView;
import api.pantheon.payments.jobs.entity.JobStatus;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Starting, watching, stopping and restarting batch jobs. A run is recorded before the batch runtime
 * sees it; its row carries the progress the job writes in each chunk's transaction. The batch
 * runtime keeps its own repository in the application's database, so history survives a restart.
 */
@Stateless
public class Jobs {

    /** The jobs there are, by the name of their XML under META-INF/batch-jobs. */
    public static final Set<String> NAMES = Set.of("settlement-report", "bulk-requests", "reconciliation", "retention");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The jobs that are about one UTC day, which must be named. */
    private static final Set<String> DAILY = Set.of("settlement-report", "reconciliation");

    /** What a run whose instance died says, and what its operator can do about it. */
    static final String ORPHANED = "its instance stopped while it ran; restart it to go on from its last checkpoint";

    @PersistenceContext
    EntityManager em;

    @Inject
    ThisInstance self;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext sessionContext;

    @Inject
    JobRuns runs;

    /** Starts a run now; {@code parameters} are the job's, checked by the job itself. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JobRunView start(String name, Map<String, String> parameters) {
        requireRunnable(name, parameters);
        return self().begin(name, null, parameters).map(this::launch)
                .orElseThrow(() -> new IllegalStateException("an unkeyed run always begins"));
    }

    /**
     * A scheduled run, started once for its occasion whatever number of instances fire the schedule:
     * its key is unique, and only the instance that stores it starts the job.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<JobRunView> startOnce(String name, String runKey, Map<String, String> parameters) {
        requireRunnable(name, parameters);
        Optional<JobRun> begun;
        try {
            begun = self().begin(name, runKey, parameters);
        } catch (jakarta.ejb.EJBException anotherInstanceHasIt) {
            return Optional.empty();
        }
        return begun.map(this::launch);
    }

    private static void requireRunnable(String name, Map<String, String> parameters) {
        if (!NAMES.contains(name)) {
            throw ErrorCode.NOT_FOUND.exception("No job " + name + "; there are " + String.join(", ", new TreeSet<>(NAMES)));
        }
        if (DAILY.contains(name) && !parameters.containsKey("date")) {
            throw ErrorCode.INVALID_DATA.exception("date: is required to run " + name + " (the UTC day, such as 2026-12-01)");
        }
        // Kept as the text of a map (see parametersOf): a day's shape never holds its separators.
        if (parameters.containsKey("date") && !DAY.matcher(parameters.get("date")).matches()) {
            throw ErrorCode.INVALID_DATA.exception("date: a day such as 2026-12-01");
        }
    }

    /** Stores the run (and its audit line) before anything runs: no job runs unrecorded. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<JobRun> begin(String name, String runKey, Map<String, String> parameters) {
        if (runKey != null && !em.createQuery("select r.id from JobRun r where r.runKey = :key", String.class)
                .setParameter("key", runKey).getResultList().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        JobRun run = new JobRun(name, runKey, parameters.isEmpty() ? null : new TreeMap<>(parameters).toString(),
                self.id(), audit.actorName(), now);
        em.persist(run);
        em.flush();
        audit.done("job.start", new Audit.Target("job", run.id()), audit.withCallerReason(name + " " + parameters), now);
        return Optional.of(run);
    }

    private JobRunView launch(JobRun run) {
        Properties properties = new Properties();
        properties.setProperty("runId", run.id());
        parametersOf(run).forEach(properties::setProperty);
        try {
            long execution = BatchRuntime.getJobOperator().start(run.jobName(), properties);
            return self().executing(run.id(), execution);
        } catch (RuntimeException refused) {
            runs.ended(run.id(), JobStatus.FAILED, "could not start: " + refused.getMessage());
            throw refused;
        }
    }

    private static Map<String, String> parametersOf(JobRun run) {
        // Stored as a sorted map's text: {date=2026-12-01, ...}; values never hold ", " or "=" (checked at the edge).
        Map<String, String> parameters = new TreeMap<>();
        run.parameters().map(text -> text.substring(1, text.length() - 1)).filter(text -> !text.isEmpty())
                .ifPresent(text -> {
                    for (String pair : text.split(", ")) {
                        int cut = pair.indexOf('=');
                        parameters.put(pair.substring(0, cut), pair.substring(cut + 1));
                    }
                });
        return parameters;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JobRunView executing(String runId, long executionId) {
        runs.executing(runId, executionId, self.id());
        return JobRunView.of(found(runId));
    }

    /** A chunk's progress, in the chunk's own transaction: it counts exactly when the chunk's work does. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void progressed(String runId, long done, long failed) {
        runs.progressed(runId, done, failed);
    }

    /** A run begun afresh: its progress as its own records tell it. */
    public void recounted(String runId, long done, long failed) {
        runs.recounted(runId, done, failed);
    }

    /** How many rows the run has in all, once its job has counted them. */
    public void expect(String runId, long total) {
        runs.expect(runId, total);
    }

    /** A run's parameters as the job was given them. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> parametersOf(String runId) {
        return parametersOf(found(runId));
    }


    /** Asks the batch runtime to stop a run at its next checkpoint; only its own instance can. */
    public JobRunView stop(String runId) {
        JobRun run = owned(runId);
        if (!run.status().isActive()) {
            throw ErrorCode.STATE_CONFLICT.exception("Run " + runId + " is " + run.status().name().toLowerCase());
        }
        try {
            BatchRuntime.getJobOperator().stop(run.executionId().orElseThrow());
        } catch (RuntimeException notRunning) {
            throw ErrorCode.STATE_CONFLICT.exception("Run " + runId + " is not running here: " + notRunning.getMessage());
        }
        em.createNamedQuery(JobRun.STOPPING).setParameter("id", runId)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        audit.done("job.stop", new Audit.Target("job", runId), audit.withCallerReason(null), clock.instant());
        em.refresh(run);
        return JobRunView.of(run);
    }

    /**
     * Fails the active runs of instances that no longer beat: they would never end by themselves.
     * Safe on every instance at once, as the update is conditional: each such run is failed once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int failOrphaned() {
        Instant now = clock.instant();
        return em.createNamedQuery(JobRun.ORPHANED).setParameter("outcome", ORPHANED)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("aliveSince", Instances.aliveSince(now).atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** Takes a stopped or failed run up again from its last checkpoint. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JobRunView restart(String runId) {
        boolean orphaned = found(runId).outcome().filter(ORPHANED::equals).isPresent();
        JobRunView run = self().restartable(runId);
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            // The runtime's record of an orphaned run still says it runs, and it will not restart such
            // an execution: the run is begun afresh, and its steps go on from their own records.
            long execution = orphaned ? operator.start(run.jobName(), restartProperties(runId))
                    : operator.restart(executionOf(runId), restartProperties(runId));
            return self().executing(run.id(), execution);
        } catch (RuntimeException refused) {
            runs.ended(runId, JobStatus.FAILED, "could not restart: " + refused.getMessage());
            throw ErrorCode.STATE_CONFLICT.exception("Run " + runId + " could not be restarted: " + refused.getMessage());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public JobRunView restartable(String runId) {
        JobRun run = found(runId);
        if (!run.status().isRestartable()) {
            throw ErrorCode.STATE_CONFLICT.exception("Run " + runId + " is " + run.status().name().toLowerCase()
                    + "; only a stopped or failed run can be restarted");
        }
        run.restarting(self.id(), clock.instant());
        audit.done("job.restart", new Audit.Target("job", runId), audit.withCallerReason(null), clock.instant());
        return JobRunView.of(run);
    }

    private long executionOf(String runId) {
        return found(runId).executionId().orElseThrow(() -> ErrorCode.STATE_CONFLICT.exception("Run " + runId + " never started"));
    }

    private Properties restartProperties(String runId) {
        Properties properties = new Properties();
        properties.setProperty("runId", runId);
        parametersOf(found(runId)).forEach(properties::setProperty);
        return properties;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JobRunView find(String runId) {
        return JobRunView.of(settled(found(runId)));
    }

    /** The runs, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<JobRunView> recent(int limit) {
        return em.createQuery("select r from JobRun r order by r.startedAt desc", JobRun.class).setMaxResults(limit)
                .getResultList().stream().map(this::settled).map(JobRunView::of).toList();
    }

    /**
     * A run this instance started whose execution has ended without its listener saying so (the
     * runtime failed before the job began): the row is brought in line with the runtime's word.
     */
    private JobRun settled(JobRun run) {
        if (run.status().isActive() && run.instanceId().equals(self.id()) && run.executionId().isPresent()) {
            try {
                BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(run.executionId().getAsLong()).getBatchStatus();
                if (status == BatchStatus.FAILED || status == BatchStatus.ABANDONED) {
                    runs.ended(run.id(), JobStatus.FAILED, "the batch runtime reports " + status);
                    return em.find(JobRun.class, run.id());
                } else if (status == BatchStatus.STOPPED) {
                    runs.ended(run.id(), JobStatus.STOPPED, null);
                    return em.find(JobRun.class, run.id());
                }
            } catch (NoSuchJobExecutionException | JobSecurityException unknownHere) {
                // Another instance's or an earlier repository's execution: its own row is the record.
            }
        }
        return run;
    }

    private JobRun found(String runId) {
        JobRun run = runId == null ? null : em.find(JobRun.class, runId);
        if (run == null) {
            throw ErrorCode.NOT_FOUND.exception("No job run " + runId);
        }
        return run;
    }

    private JobRun owned(String runId) {
        JobRun run = found(runId);
        if (!run.instanceId().equals(self.id())) {
            throw ErrorCode.STATE_CONFLICT.exception("Run " + runId + " belongs to instance " + run.instanceId()
                    + "; stop or restart it there");
        }
        return run;
    }

    /** This bean through its container, so that the transactions declared on its own methods apply. */
    private Jobs self() {
        return sessionContext.getBusinessObject(Jobs.class);
    }
}
