package api.pantheon.payments.admin;

import api.pantheon.payments.edge.QueryParams;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.reports.boundary.ReportFormat;
import api.pantheon.payments.reports.boundary.ReportFormats;
import api.pantheon.payments.reports.boundary.SettlementReports;
import api.pantheon.payments.reports.boundary.SettlementView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Settlement reports, newest first, and each one as JSON or CSV. */
@Path("admin/v1/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs and reports")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class ReportsResource {

    @Inject
    SettlementReports reports;

    @Inject
    ReportFormats formats;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Settlement reports, newest first")
    @APIResponse(responseCode = "200", description = "The reports, with links to download each",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReportList")))
    public List<JobDocuments.Report> list(@QueryParam("limit") String limit) {
        return reports.recent(QueryParams.pageSize(limit)).stream()
                .map(report -> JobDocuments.Report.of(report, self(report.id()))).toList();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "One settlement report: JSON, or CSV with ?format=csv")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReportDocument")))
    @APIResponse(responseCode = "404", description = "not_found: no such report")
    public Response get(@PathParam("id") String id, @QueryParam("format") String format) {
        SettlementView report = reports.find(id);
        if (format == null || "json".equals(format)) {
            return Response.ok(JobDocuments.ReportDocument.of(report), MediaType.APPLICATION_JSON).build();
        }
        ReportFormat writer = formats.of(format)
                .orElseThrow(() -> ErrorCode.INVALID_DATA.exception("format: json or csv"));
        StreamingOutput body = out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(report, text);
            text.flush();
        };
        return Response.ok(body, writer.mediaType() + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + SettlementReports.fileName(report, writer) + "\"").build();
    }

    private String self(String id) {
        return uri.getBaseUriBuilder().path("admin/v1/reports").path(id).build().toString();
    }
}
