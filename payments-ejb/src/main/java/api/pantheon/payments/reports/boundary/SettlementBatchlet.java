package api.pantheon.payments.reports.boundary;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            job.setExitStatus("date: expected a day such as 2026-12-01, got " + date);
            throw new IllegalArgumentException(job.getExitStatus(), e);
        }
        try {
            var report = reports.produce(day, runId);
            job.setExitStatus("report " + report.id() + ": " + report.lines().size() + " merchant accounts");
            return "COMPLETED";
        } catch (RuntimeException failed) {
            job.setExitStatus("failed: " + rootMessage(failed));
            throw failed;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
