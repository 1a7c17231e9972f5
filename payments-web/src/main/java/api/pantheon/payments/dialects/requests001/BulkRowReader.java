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
 * Reads a bulk file a record at a time (never whole): RFC 4180, a header row naming the columns. The
 * checkpoint is the number of the last row handed on, so a restart skips what its last committed
 * chunk had already done.
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
        long resumeAfter = checkpoint == null ? resumedByRecords(path) : (Long) checkpoint;
        rows = CsvFile.after(path, resumeAfter);
    }

    /**
     * Where a run without a checkpoint begins: at the start when new; after its last recorded row when
     * it is taken over from an instance that died (the batch runtime's checkpoint died with it).
     */
    private long resumedByRecords(Path path) throws IOException {
        BulkImports.Recorded recorded = bulk.recorded(runId);
        if (recorded.lastRow() == 0) {
            jobs.expect(runId, CsvFile.count(path));
        } else {
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
