package api.pantheon.payments.reconciliation.boundary;

import api.pantheon.payments.jobs.boundary.JobFailures;
import api.pantheon.payments.jobs.boundary.Jobs;
import api.pantheon.payments.reconciliation.entity.LineOutcome;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/** Matches a chunk of their lines, and counts the chunk's differences with its progress. */
@Named("theirLineWriter")
@Dependent
public class TheirLineWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = "date")
    String date;

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    JobContext job;

    @Inject
    Reconciliations reconciliations;

    @Inject
    Jobs jobs;

    @Override
    public void writeItems(List<Object> items) {
        LocalDate day = JobFailures.day(date, job);
        long differing = items.stream().map(item -> reconciliations.match(runId, day, (Reconciliations.TheirLine) item))
                .filter(LineOutcome::isMismatch).count();
        jobs.progressed(runId, items.size() - differing, differing);
    }
}
