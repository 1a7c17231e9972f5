package api.pantheon.payments.admin;

import api.pantheon.payments.edge.JsonbProvider;
import api.pantheon.payments.reports.boundary.ReportFormat;
import api.pantheon.payments.reports.boundary.ReportFormats;
import api.pantheon.payments.reports.boundary.SettlementView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The settlement report's two written forms, handed to the core at start: the same JSON as the API's
 * answer, and CSV (RFC 4180, Apache Commons CSV) with one line per merchant account.
 */
@ApplicationScoped
public class SettlementFormats {

    private static final String[] HEADER = {"account_id", "party_id", "currency", "opening", "payments_count",
        "payments_sum", "refunds_count", "refunds_sum", "deposits_sum", "transfers_sum", "closing"};

    @Inject
    ReportFormats registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.register(new ReportFormat() {
            @Override
            public String extension() {
                return "json";
            }

            @Override
            public String mediaType() {
                return "application/json";
            }

            @Override
            public void write(SettlementView report, Writer out) {
                JsonbProvider.WIRE.toJson(JobDocuments.ReportDocument.of(report), out);
            }
        });
        registry.register(new ReportFormat() {
            @Override
            public String extension() {
                return "csv";
            }

            @Override
            public String mediaType() {
                return "text/csv";
            }

            @Override
            public void write(SettlementView report, Writer out) throws IOException {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
                for (var line : report.lines().stream().map(JobDocuments.ReportLine::of).toList()) {
                    csv.printRecord(line.accountId(), line.partyId(), line.currency(), line.opening().toPlainString(),
                            line.paymentsCount(), line.paymentsSum().toPlainString(), line.refundsCount(),
                            line.refundsSum().toPlainString(), line.depositsSum().toPlainString(),
                            line.transfersSum().toPlainString(), line.closing().toPlainString());
                }
                csv.flush();
            }
        });
    }
}
