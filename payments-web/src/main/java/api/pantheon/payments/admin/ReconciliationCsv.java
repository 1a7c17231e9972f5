package api.pantheon.payments.admin;

import api.pantheon.payments.edge.CsvText;
import api.pantheon.payments.reconciliation.boundary.Reconciliations;
import api.pantheon.payments.reconciliation.entity.ReconciliationLineView;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Every line of a reconciliation run as CSV, both sides, streamed a page at a time: for the admin API and the console. */
public final class ReconciliationCsv {

    private static final int PAGE = 1_000;
    private static final CSVFormat LINES = CSVFormat.RFC4180.builder().setHeader("line", "submission_id", "outcome",
            "request_id", "our_amount", "our_currency", "our_status", "their_amount", "their_currency", "their_status").get();

    private ReconciliationCsv() {
    }

    public static String fileName(Reconciliations.Summary summary) {
        return "reconciliation-" + summary.day() + "-" + summary.run().id() + ".csv";
    }

    public static void write(Reconciliations reconciliations, String runId, Writer out) throws IOException {
        try (CSVPrinter printer = LINES.print(out)) {
            long afterLine = -1;
            String afterSubmission = "";
            for (List<ReconciliationLineView> page = reconciliations.lines(runId, afterLine, afterSubmission, PAGE);
                 !page.isEmpty(); page = reconciliations.lines(runId, afterLine, afterSubmission, PAGE)) {
                for (ReconciliationLineView line : page) {
                    JobDocuments.ReconciliationLine shown = JobDocuments.ReconciliationLine.of(line);
                    printer.printRecord(shown.line(), CsvText.neutral(shown.submissionId()), shown.outcome(), shown.requestId(),
                            shown.ourAmount(), shown.ourCurrency(), shown.ourStatus(), shown.theirAmount(),
                            shown.theirCurrency(), shown.theirStatus());
                }
                ReconciliationLineView last = page.get(page.size() - 1);
                afterLine = last.lineNumber();
                afterSubmission = last.submissionId();
            }
        }
    }
}
