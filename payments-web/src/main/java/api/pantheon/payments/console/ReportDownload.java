package api.pantheon.payments.console;

import api.pantheon.payments.errors.PaymentsException;
import api.pantheon.payments.reports.boundary.ReportFormat;
import api.pantheon.payments.reports.boundary.ReportFormats;
import api.pantheon.payments.reports.boundary.SettlementReports;
import api.pantheon.payments.reports.boundary.SettlementView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A settlement report downloaded from the Jobs page, in the format asked for (CSV or JSON). */
@WebServlet(urlPatterns = "/console/report")
public class ReportDownload extends HttpServlet {

    @Inject
    SettlementReports reports;

    @Inject
    ReportFormats formats;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ReportFormat> format = formats.of(String.valueOf(request.getParameter("format")));
        SettlementView report;
        try {
            report = reports.find(request.getParameter("id"));
        } catch (PaymentsException notThere) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (format.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(format.get().mediaType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + SettlementReports.fileName(report, format.get()) + "\"");
        format.get().write(report, response.getWriter());
    }
}
