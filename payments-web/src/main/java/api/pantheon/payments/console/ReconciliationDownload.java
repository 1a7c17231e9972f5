package api.pantheon.payments.console;

import api.pantheon.payments.admin.ReconciliationCsv;
import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.reconciliation.boundary.Reconciliations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Every line of a reconciliation run, both sides, downloaded as CSV from the dashboard or the Jobs page. */
@WebServlet(urlPatterns = "/console/reconciliation")
public class ReconciliationDownload extends HttpServlet {

    @Inject
    Reconciliations reconciliations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reconciliations.Summary summary;
        try {
            summary = reconciliations.summary(request.getParameter("run"), 0);
        } catch (PaymentsException notThere) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ReconciliationCsv.fileName(summary) + "\"");
        ReconciliationCsv.write(reconciliations, summary.run().id(), response.getWriter());
    }
}
