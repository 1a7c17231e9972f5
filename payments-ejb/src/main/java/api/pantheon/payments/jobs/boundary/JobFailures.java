package api.pantheon.payments.jobs.boundary;

import jakarta.batch.runtime.context.JobContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** How a job's steps read their day and say why they failed: in the run's exit status, in words. */
public final class JobFailures {

    private JobFailures() {
    }

    /** The job's {@code date} parameter, or the run fails saying what was wrong with it. */
    public static LocalDate day(String date, JobContext job) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            job.setExitStatus("date: expected a day such as 2026-12-01, got " + date);
            throw new IllegalArgumentException(job.getExitStatus(), e);
        }
    }

    /** Fails the run with the innermost reason as its exit status: that is what an operator can act on. */
    public static RuntimeException failed(JobContext job, RuntimeException failure) {
        job.setExitStatus("failed: " + rootMessage(failure));
        return failure;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
