package api.pantheon.payments.jobs.boundary;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A job's CSV file (UTF-8, RFC 4180, a header row naming the columns) read with Apache Commons CSV a
 * record at a time, never whole, numbering its records from 1 so that a job can checkpoint by number
 * and go on after a given one.
 */
public final class CsvFile implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long lastNumber;

    private CsvFile(Path file) throws IOException {
        this.parser = FORMAT.parse(reader(file));
        this.records = parser.iterator();
    }

    /** The file opened after its record {@code number} (0: from the first). */
    public static CsvFile after(Path file, long number) throws IOException {
        CsvFile csv = new CsvFile(file);
        while (csv.lastNumber < number && csv.next().isPresent()) {
            // skipped: done before the checkpoint
        }
        return csv;
    }

    /** How many records the file holds, in a pass of its own, streamed too. */
    public static long count(Path file) throws IOException {
        try (CSVParser counting = FORMAT.parse(reader(file))) {
            long records = 0;
            for (Iterator<CSVRecord> each = counting.iterator(); each.hasNext(); each.next()) {
                records++;
            }
            return records;
        }
    }

    /** The next record, numbered {@link #lastNumber()}; empty at the end. */
    public Optional<CSVRecord> next() {
        if (!records.hasNext()) {
            return Optional.empty();
        }
        lastNumber++;
        return Optional.of(records.next());
    }

    public long lastNumber() {
        return lastNumber;
    }

    /** A column of a record, or null when the file has no such column or the record stops short of it. */
    public static String column(CSVRecord record, String name) {
        return record.isMapped(name) && record.isSet(name) ? record.get(name) : null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader reader(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
