package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.bulk.boundary.BulkImports;
import api.pantheon.payments.bulk.boundary.BulkOutcome;
import api.pantheon.payments.edge.CsvText;
import api.pantheon.payments.jobs.entity.JobRunView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Payment requests in bulk, whoever uploads them: the merchant ({@link BulkRequestsResource}) or an
 * operator on its behalf. Whose imports they are, and where they are found, is all that differs.
 */
@ApplicationScoped
public class BulkFiles {

    public static final String CSV = "text/csv";

    @Inject
    BulkImports bulk;

    /** Keeps the file and starts its import, answering where to follow it. */
    public Response accepted(String merchant, InputStream file, UriBuilder home) {
        return Response.accepted(status(bulk.receive(merchant, file), home)).build();
    }

    /** An import of this merchant's, or not found. */
    public BulkStatus status(String id, String merchant, UriBuilder home) {
        return status(bulk.runOf(id, merchant), home);
    }

    /** One line per row imported so far, streamed a page at a time. */
    public Response results(String id, String merchant) {
        String runId = bulk.runOf(id, merchant).id();
        StreamingOutput body = out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder()
                    .setHeader("row", "external_id", "request_id", "error_code", "error_message").get());
            long after = 0;
            for (List<BulkOutcome> page = bulk.outcomes(runId, after, 1000); !page.isEmpty();
                 page = bulk.outcomes(runId, after, 1000)) {
                for (BulkOutcome row : page) {
                    csv.printRecord(row.row(), CsvText.neutral(row.externalId().orElse(null)), row.requestId().orElse(""),
                            row.errorCode().orElse(""), CsvText.neutral(row.errorMessage().orElse(null)));
                    after = row.row();
                }
            }
            csv.flush();
        };
        return Response.ok(body, CSV + "; charset=UTF-8").build();
    }

    private static BulkStatus status(JobRunView run, UriBuilder home) {
        String self = home.path(run.id()).build().toString();
        return new BulkStatus(run.id(), run.status().name().toLowerCase(), run.rowsTotal().orElse(null), run.rowsDone(),
                run.rowsFailed(), run.percent().orElse(null), new BulkStatus.BulkLinks(self, self + "/results"));
    }

    /** Where an import stands. */
    public record BulkStatus(String id, String status, Long rowsTotal, long rowsDone, long rowsFailed, Integer percent,
                             BulkLinks links) {
        /** Its progress and its results. */
        public record BulkLinks(String self, String results) {
        }
    }
}
