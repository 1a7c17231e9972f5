package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.bulk.boundary.BulkImports;
import api.pantheon.payments.jobs.boundary.Jobs;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bulk file a record at a time (never whole), with Apache Commons CSV: RFC 4180, a header
 * row naming the columns. The checkpoint is the number of the last row handed on, so a restart skips
 * what its last committed chunk had already done.
 */
@Named("bulkRowReader")
@Dependent
public class BulkRowReader extends AbstractItemReader {

    /** A row of the file: its number (the first after the header is 1) and its columns by name. */
    record BulkItem(long number, Map<String, String> columns) implements Serializable {
    }

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

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

    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long lastRow;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        if (checkpoint == null) {
            jobs.expect(runId, count());
        }
        parser = FORMAT.parse(reader());
        records = parser.iterator();
        long resumeAfter = checkpoint == null ? 0 : (Long) checkpoint;
        while (lastRow < resumeAfter && records.hasNext()) {
            records.next();
            lastRow++;
        }
    }

    /** A first pass, streamed too, so that progress can say what share is done. */
    private long count() throws IOException {
        try (CSVParser counting = FORMAT.parse(reader())) {
            long rows = 0;
            for (Iterator<CSVRecord> each = counting.iterator(); each.hasNext(); each.next()) {
                rows++;
            }
            return rows;
        }
    }

    private Reader reader() throws IOException {
        return Files.newBufferedReader(bulk.fileOf(file), StandardCharsets.UTF_8);
    }

    @Override
    public Object readItem() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        lastRow++;
        return new BulkItem(lastRow, record.toMap());
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRow;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }
}
