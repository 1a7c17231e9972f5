package api.pantheon.payments.reports.boundary;

import api.pantheon.payments.jobs.boundary.JobFailures;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;

/**
 * The settlement-report job's one step. The report is made and stored in one transaction of the
 * reports boundary; if its figures do not add up it is not stored and the run fails, saying why.
 */
@Named("settlementReport")
@Dependent
public class SettlementBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "date")
    String date;

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    JobContext job;

    @Inject
    SettlementReports reports;

    @Override
    public String process() {
        LocalDate day = JobFailures.day(date, job);
        try {
            var report = reports.produce(day, runId);
            job.setExitStatus("report " + report.id() + ": " + report.lines().size() + " merchant accounts");
            return "COMPLETED";
        } catch (RuntimeException failed) {
            throw JobFailures.failed(job, failed);
        }
    }
}
