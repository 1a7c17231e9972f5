package api.pantheon.payments.jobs.entity;

import api.pantheon.payments.ids.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run of a batch job as the platform follows it: who started it, on which instance, how far it
 * has come (updated inside each chunk's own transaction), and how it ended.
 */
@Entity
@Table(name = "job_run")
@NamedQuery(name = JobRun.PROGRESSED, query = "update JobRun r set r.rowsDone = r.rowsDone + :done,"
        + " r.rowsFailed = r.rowsFailed + :failed, r.updatedAt = :now where r.id = :id")
@NamedQuery(name = JobRun.EXPECTED, query = "update JobRun r set r.rowsTotal = :total, r.updatedAt = :now where r.id = :id")
@NamedQuery(name = JobRun.RECOUNTED, query = "update JobRun r set r.rowsDone = :done, r.rowsFailed = :failed,"
        + " r.updatedAt = :now where r.id = :id")
@NamedQuery(name = JobRun.EXECUTING, query = "update JobRun r set r.executionId = :execution, r.instanceId = :instance,"
        + " r.updatedAt = :now where r.id = :id")
@NamedQuery(name = JobRun.STARTED, query = "update JobRun r set r.status = api.pantheon.payments.jobs.entity.JobStatus.STARTED"
        + " where r.id = :id and r.status = api.pantheon.payments.jobs.entity.JobStatus.STARTING")
@NamedQuery(name = JobRun.STOPPING, query = "update JobRun r set r.status = api.pantheon.payments.jobs.entity.JobStatus.STOPPING,"
        + " r.updatedAt = :now where r.id = :id and r.status in (api.pantheon.payments.jobs.entity.JobStatus.STARTING,"
        + " api.pantheon.payments.jobs.entity.JobStatus.STARTED)")
@NamedQuery(name = JobRun.ENDED, query = "update JobRun r set r.status = :status, r.outcome = :outcome, r.endedAt = :now,"
        + " r.updatedAt = :now where r.id = :id and r.status in (api.pantheon.payments.jobs.entity.JobStatus.STARTING,"
        + " api.pantheon.payments.jobs.entity.JobStatus.STARTED, api.pantheon.payments.jobs.entity.JobStatus.STOPPING)")
@NamedQuery(name = JobRun.ORPHANED, query = "update JobRun r set r.status = api.pantheon.payments.jobs.entity.JobStatus.FAILED,"
        + " r.outcome = :outcome, r.endedAt = :now, r.updatedAt = :now"
        + " where r.status in (api.pantheon.payments.jobs.entity.JobStatus.STARTING,"
        + " api.pantheon.payments.jobs.entity.JobStatus.STARTED, api.pantheon.payments.jobs.entity.JobStatus.STOPPING)"
        + " and r.updatedAt < :aliveSince"
        + " and not exists (select i.id from Instance i where i.id = r.instanceId and i.heartbeatAt >= :aliveSince)")
public class JobRun {

    /**
     * While a run runs, its row is written only by single updates, never read-modify-write: the
     * starter recording the execution, the job counting its rows and its chunks' progress, and an
     * operator stopping it touch the same row at the same moment, and none may fail another.
     */
    public static final String PROGRESSED = "JobRun.progressed";
    public static final String EXPECTED = "JobRun.expected";
    public static final String RECOUNTED = "JobRun.recounted";
    /** The runtime has taken the run as an execution; a run that has already ended (a short job) keeps its ending. */
    public static final String EXECUTING = "JobRun.executing";
    public static final String STARTED = "JobRun.started";
    public static final String STOPPING = "JobRun.stopping";
    /** An active run ends once: its listener and a reader who finds the runtime done first cannot both write it. */
    public static final String ENDED = "JobRun.ended";
    /**
     * Active runs whose instance no longer beats, and that have not moved for as long: they will never
     * end by themselves. (A run that has just moved belongs to a living instance, whatever its heartbeat.)
     */
    public static final String ORPHANED = "JobRun.orphaned";

    private static final int OUTCOME_MAX = 1000;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "job_name", nullable = false, length = 64, updatable = false)
    private String jobName;

    /** For a scheduled run, its occasion (job and day): unique, so that one instance starts it. */
    @Column(name = "run_key", length = 128, updatable = false)
    private String runKey;

    @Column(length = 4000, updatable = false)
    private String parameters;

    @Column(name = "execution_id")
    private Long executionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobStatus status;

    @Column(name = "instance_id", nullable = false, length = 36)
    private String instanceId;

    @Column(name = "rows_total")
    private Long rowsTotal;

    @Column(name = "rows_done", nullable = false)
    private long rowsDone;

    @Column(name = "rows_failed", nullable = false)
    private long rowsFailed;

    @Column(name = "started_by", nullable = false, length = 128, updatable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(length = OUTCOME_MAX)
    private String outcome;

    @Version
    private long version;

    protected JobRun() {
    }

    public JobRun(String jobName, String runKey, String parameters, String instanceId, String startedBy, Instant now) {
        this.id = TimeOrderedIds.next();
        this.jobName = jobName;
        this.runKey = runKey;
        this.parameters = parameters;
        this.instanceId = instanceId;
        this.startedBy = startedBy;
        this.status = JobStatus.STARTING;
        this.startedAt = now.atOffset(ZoneOffset.UTC);
        this.updatedAt = startedAt;
    }


    /** Taken up again from its last checkpoint: active again, its earlier ending forgotten. */
    public void restarting(String instanceId, Instant now) {
        if (!status.isRestartable()) {
            throw new IllegalStateException("run " + id + " is " + status);
        }
        // Owned by the restarting instance at once: the run of a dead instance is not orphaned again.
        this.instanceId = instanceId;
        this.status = JobStatus.STARTING;
        this.endedAt = null;
        this.outcome = null;
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }




    /** How an ending is kept: its words cut to what the column holds. */
    public static String outcomeOf(String outcome) {
        return outcome == null || outcome.length() <= OUTCOME_MAX ? outcome : outcome.substring(0, OUTCOME_MAX);
    }


    public String id() {
        return id;
    }

    public String jobName() {
        return jobName;
    }

    public Optional<String> runKey() {
        return Optional.ofNullable(runKey);
    }

    public Optional<String> parameters() {
        return Optional.ofNullable(parameters);
    }

    public OptionalLong executionId() {
        return executionId == null ? OptionalLong.empty() : OptionalLong.of(executionId);
    }

    public JobStatus status() {
        return status;
    }

    public String instanceId() {
        return instanceId;
    }

    public Optional<Long> rowsTotal() {
        return Optional.ofNullable(rowsTotal);
    }

    public long rowsDone() {
        return rowsDone;
    }

    public long rowsFailed() {
        return rowsFailed;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }
}
