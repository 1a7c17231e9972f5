package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.bulk.boundary.BulkImports;
import api.pantheon.payments.jobs.boundary.CsvFile;
import api.pantheon.payments.jobs.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a bulk file a record at a time (never whole): RFC 4180, a header row naming the columns. A
 * restart goes on after the last row the run has recorded (see {@link #resumeAfter}).
 */
@Named("bulkRowReader")
@Dependent
public class BulkRowReader extends AbstractItemReader {

    /** A row of the file: its number (the first after the header is 1) and its columns by name. */
    record BulkItem(long number, Map<String, String> columns) implements Serializable {
    }

    @Inject
    @BatchProperty(name = "file")
    String file;

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    BulkImports bulk;

    @Inject
    Jobs jobs;

    private CsvFile rows;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        Path path = bulk.fileOf(file);
        rows = CsvFile.after(path, resumeAfter(path, checkpoint));
    }

    /**
     * Where the run goes on: after the last row it has recorded, whatever the batch runtime's
     * checkpoint says. The rows commit with their chunk; the runtime's repository is on connections of
     * its own, outside the chunk's transaction, so its checkpoint may be written just before a commit
     * that a crash then prevents. A run taken over from a dead instance has no checkpoint at all.
     */
    private long resumeAfter(Path path, Serializable checkpoint) throws IOException {
        BulkImports.Recorded recorded = bulk.recorded(runId);
        if (recorded.lastRow() == 0 && checkpoint == null) {
            jobs.expect(runId, CsvFile.count(path));
        } else if (checkpoint == null) {
            jobs.recounted(runId, recorded.done(), recorded.failed());
        }
        return recorded.lastRow();
    }

    @Override
    public Object readItem() {
        return rows.next().map(record -> new BulkItem(rows.lastNumber(), record.toMap())).orElse(null);
    }

    @Override
    public Serializable checkpointInfo() {
        return rows.lastNumber();
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
    }
}
