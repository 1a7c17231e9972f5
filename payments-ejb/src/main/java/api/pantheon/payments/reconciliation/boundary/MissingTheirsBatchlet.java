package api.pantheon.payments.reconciliation.boundary;

import api.pantheon.payments.jobs.boundary.JobFailures;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** After their file: our payments of the day that it does not list, and the run's closing words. */
@Named("missingTheirs")
@Dependent
public class MissingTheirsBatchlet extends AbstractBatchlet {

    private static final int MISMATCHES_NAMED = 0;

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

    @Override
    public String process() {
        int missing = reconciliations.missingTheirs(runId, JobFailures.day(date, job));
        Reconciliations.Summary summary = reconciliations.summary(runId, MISMATCHES_NAMED);
        job.setExitStatus(summary.mismatchCount() == 0 ? "all lines matched"
                : summary.mismatchCount() + " difference(s), " + missing + " of them missing from their file");
        return "COMPLETED";
    }
}
