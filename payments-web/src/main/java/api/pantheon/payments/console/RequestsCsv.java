package api.pantheon.payments.console;

import api.pantheon.payments.edge.CsvText;
import api.pantheon.payments.requests.boundary.RequestPage;
import api.pantheon.payments.requests.boundary.RequestSearch;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The current search as CSV, written as it is read, a page at a time, so that a large result never
 * sits in memory; at most {@value #MAX_ROWS} rows.
 */
@WebServlet(urlPatterns = "/console/requests.csv")
public class RequestsCsv extends HttpServlet {

    static final int MAX_ROWS = 100_000;
    private static final int PAGE = 500;
    private static final String[] HEADER = {"id", "created", "status", "amount", "currency", "refunded", "requester",
        "recipient", "order", "description", "transaction_id"};

    @Inject
    RequestSearch search;

    @Inject
    Formats formats;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Params params = new Params(request);
        RequestSearch.Criteria criteria = RequestsPage.criteriaOf(params);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"payment-requests.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (CSVPrinter csv = new CSVPrinter(response.getWriter(), CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            RequestPage.Position after = RequestPage.Position.START;
            int written = 0;
            while (after != null && written < MAX_ROWS) {
                RequestPage page = search.search(criteria, after, PAGE);
                for (RequestView row : page.requests()) {
                    csv.printRecord(row.id(), formats.time(row.createdAt()), row.status(), row.amount().amount().toPlainString(),
                            row.amount().currencyCode(), row.refundedAmount().amount().toPlainString(), row.requesterPartyId(),
                            row.recipientPartyId().orElse(""), neutral(row.order()), neutral(row.description()),
                            row.transactionId().orElse(""));
                }
                written += page.requests().size();
                after = page.next().orElse(null);
            }
        }
    }

    private static String neutral(Optional<String> text) {
        return CsvText.neutral(text.orElse(null));
    }
}
