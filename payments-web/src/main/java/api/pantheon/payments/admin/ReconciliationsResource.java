package api.pantheon.payments.admin;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.reconciliation.boundary.Reconciliations;
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
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A reconciliation run's outcome: its figures and differences as JSON, every line as CSV. */
@Path("admin/v1/reconciliations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs and reports")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class ReconciliationsResource {

    /** The differences a JSON answer names; the CSV has every line. */
    private static final int MISMATCHES_SHOWN = 1_000;

    @Inject
    Reconciliations reconciliations;

    @Context
    UriInfo uri;

    @GET
    @Path("{runId}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "A reconciliation run: its figures and differences; every line as CSV with ?format=csv")
    @APIResponse(responseCode = "200", description = "The run's outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReconciliationDocument")))
    @APIResponse(responseCode = "404", description = "not_found: no such reconciliation run")
    public Response get(@PathParam("runId") String runId, @QueryParam("format") String format) {
        Reconciliations.Summary summary = reconciliations.summary(runId, MISMATCHES_SHOWN);
        if (format == null || "json".equals(format)) {
            String self = uri.getBaseUriBuilder().path("admin/v1/reconciliations").path(runId).build().toString();
            String run = uri.getBaseUriBuilder().path("admin/v1/jobs").path(runId).build().toString();
            return Response.ok(new JobDocuments.ReconciliationDocument(JobDocuments.JobRun.of(summary.run(), run),
                    summary.day(), JobDocuments.ReconciliationCounts.of(summary.counts()),
                    summary.mismatches().stream().map(JobDocuments.ReconciliationLine::of).toList(),
                    new JobDocuments.ReportLinks(self, self + "?format=csv")), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (!"csv".equals(format)) {
            throw ErrorCode.INVALID_DATA.exception("format: json or csv");
        }
        StreamingOutput lines = out -> ReconciliationCsv.write(reconciliations, runId, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(lines, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + ReconciliationCsv.fileName(summary) + "\"").build();
    }
}
