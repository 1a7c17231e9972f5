package api.pantheon.payments.jobs.entity;

import java.time.Instant;
import java.util.Optional;

/** A run as read, with its progress as a percentage where the total is known. */
public record JobRunView(String id, String jobName, Optional<String> parameters, JobStatus status, String instanceId,
                         Optional<Long> rowsTotal, long rowsDone, long rowsFailed, Optional<Integer> percent,
                         String startedBy, Instant startedAt, Instant updatedAt, Optional<Instant> endedAt,
                         Optional<String> outcome) {

    public static JobRunView of(JobRun run) {
        Optional<Integer> percent = run.rowsTotal().filter(total -> total > 0)
                .map(total -> (int) Math.min(100, (run.rowsDone() + run.rowsFailed()) * 100 / total))
                .or(() -> run.status() == JobStatus.COMPLETED ? Optional.of(100) : Optional.empty());
        return new JobRunView(run.id(), run.jobName(), run.parameters(), run.status(), run.instanceId(), run.rowsTotal(),
                run.rowsDone(), run.rowsFailed(), percent, run.startedBy(), run.startedAt(), run.updatedAt(), run.endedAt(),
                run.outcome());
    }
}
