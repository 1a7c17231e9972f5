package api.pantheon.payments.reconciliation.boundary;

import api.pantheon.payments.jobs.boundary.CsvFile;
import api.pantheon.payments.jobs.boundary.JobFailures;
import api.pantheon.payments.jobs.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads the business system's settlement file for the run's day a line at a time (header:
 * submission_id, amount, currency, status). A restart goes on after the last line the run recorded.
 */
@Named("theirLineReader")
@Dependent
public class TheirLineReader extends AbstractItemReader {

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

    private CsvFile file;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        LocalDate day = JobFailures.day(date, job);
        Path theirs;
        try {
            theirs = reconciliations.theirFile(runId, day);
        } catch (RuntimeException failed) {
            throw JobFailures.failed(job, failed);
        }
        // Its own lines commit with their chunk and say how far it came; the runtime's checkpoint is written
        // apart (it may be ahead of a chunk a crash undid), and a run taken over from a dead instance has none.
        long resumeAfter = reconciliations.lastLine(runId);
        if (checkpoint == null && resumeAfter == 0) {
            jobs.expect(runId, CsvFile.count(theirs));
        }
        file = CsvFile.after(theirs, resumeAfter);
    }

    @Override
    public Object readItem() {
        return file.next().map(record -> new Reconciliations.TheirLine(file.lastNumber(),
                CsvFile.column(record, "submission_id"), CsvFile.column(record, "amount"),
                CsvFile.column(record, "currency"), CsvFile.column(record, "status"))).orElse(null);
    }

    @Override
    public Serializable checkpointInfo() {
        return file.lastNumber();
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
