package api.pantheon.payments.admin;

import api.pantheon.payments.audit.boundary.Audit;
import api.pantheon.payments.edge.QueryParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, read only: no path of the platform updates or deletes a line. */
@Path("admin/v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operators and audit")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class AuditResource {

    @Inject
    Audit audit;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Who did what, newest first: narrowed by actor, action, target and time; paged by 'next'")
    @APIResponse(responseCode = "200", description = "A page of the trail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditPage")))
    public AdminDocuments.AuditPage search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                           @QueryParam("target") String target, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @QueryParam("before") String before,
                                           @QueryParam("limit") String limit) {
        int size = QueryParams.pageSize(limit);
        Long beforeId = before == null ? null : QueryParams.wholeNumber("before", before, 1, Long.MAX_VALUE);
        var lines = audit.search(actor, action, target, QueryParams.instant("from", from), QueryParams.instant("to", to),
                beforeId, size).stream().map(AdminDocuments.AuditLine::of).toList();
        String next = lines.size() < size ? null
                : uri.getRequestUriBuilder().replaceQueryParam("before", lines.get(lines.size() - 1).id()).build().toString();
        return new AdminDocuments.AuditPage(lines, next);
    }
}
