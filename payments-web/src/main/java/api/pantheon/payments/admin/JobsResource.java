package api.pantheon.payments.admin;

import api.pantheon.payments.edge.QueryParams;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.jobs.boundary.Jobs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Batch jobs for operators and scripts: start, watch, stop, restart. */
@Path("admin/v1/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs and reports")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class JobsResource {

    @Inject
    Jobs jobs;

    @Context
    UriInfo uri;

    @POST
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a job now (settlement-report and reconciliation: {\"date\"}; retention: optionally"
            + " {\"deliveries_days\",\"requests_days\"}); with occasion, at most once for it",
            description = "occasion names a run that must start once however many callers ask (a schedule on every"
                    + " instance, a retried cron): the second caller gets 409.")
    @RequestBody(content = @Content(example = "{\"date\":\"2026-12-01\"}"))
    @APIResponse(responseCode = "202", description = "Started; follow links.self",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobRun")))
    @APIResponse(responseCode = "404", description = "not_found: no such job")
    @APIResponse(responseCode = "409", description = "state_conflict: a run for this occasion exists")
    public Response start(@PathParam("name") String name, @QueryParam("occasion") String occasion, @Valid JobBody body) {
        Map<String, String> parameters = body == null ? Map.of() : body.parameters();
        var run = occasion == null ? jobs.start(name, parameters)
                : jobs.startOnce(name, occasion(occasion), parameters).orElseThrow(() -> ErrorCode.STATE_CONFLICT
                        .exception("occasion: a run for " + occasion + " has already started"));
        return Response.accepted(JobDocuments.JobRun.of(run, self(run.id()))).build();
    }

    private static String occasion(String occasion) {
        if (!occasion.matches("[A-Za-z0-9:._-]{1,128}")) {
            throw ErrorCode.INVALID_DATA.exception("occasion: 1 to 128 letters, digits, ':', '.', '_' or '-'");
        }
        return occasion;
    }

    @GET
    @Operation(summary = "The runs, newest first")
    @APIResponse(responseCode = "200", description = "The runs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobRunList")))
    public List<JobDocuments.JobRun> list(@QueryParam("limit") String limit) {
        return jobs.recent(QueryParams.pageSize(limit)).stream().map(run -> JobDocuments.JobRun.of(run, self(run.id()))).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One run: status, progress, start, end and failure")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobRun")))
    public JobDocuments.JobRun get(@PathParam("id") String id) {
        return JobDocuments.JobRun.of(jobs.find(id), self(id));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a run at its next checkpoint (on the instance that runs it)")
    @APIResponse(responseCode = "200", description = "Stopping",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobRun")))
    public JobDocuments.JobRun stop(@PathParam("id") String id) {
        return JobDocuments.JobRun.of(jobs.stop(id), self(id));
    }

    @POST
    @Path("{id}/restart")
    @Operation(summary = "Restart a stopped or failed run from its last checkpoint")
    @APIResponse(responseCode = "202", description = "Restarted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobRun")))
    public Response restart(@PathParam("id") String id) {
        return Response.accepted(JobDocuments.JobRun.of(jobs.restart(id), self(id))).build();
    }

    private String self(String id) {
        return uri.getBaseUriBuilder().path("admin/v1/jobs").path(id).build().toString();
    }
}
