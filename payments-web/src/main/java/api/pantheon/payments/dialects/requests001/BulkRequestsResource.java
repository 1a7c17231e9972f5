package api.pantheon.payments.dialects.requests001;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Payment requests in bulk: a merchant's CSV file of requests, imported by a batch job, with a result
 * for every row. Rows are checked exactly as {@code POST /v1/requests} checks a body.
 */
@Path("v1/bulk-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk payment requests")
@APIResponse(responseCode = "401", description = "Missing or invalid API credentials (code 100)")
public class BulkRequestsResource {

    @Inject
    BulkFiles files;

    @Context
    SecurityContext caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(BulkFiles.CSV)
    @Operation(summary = "Upload a CSV file of payment requests; it is imported in the background",
            description = "Header row, then recipient,amount,currency,description,order,expires_in,notify_url,external_id"
                    + " (UTF-8, RFC 4180 quoting). external_id is unique per merchant: a row whose external_id was"
                    + " already imported answers the request made then and makes no other.")
    @RequestBody(content = @Content(mediaType = BulkFiles.CSV, example = "recipient,amount,currency,description,order,expires_in,"
            + "notify_url,external_id\n+14155551212,10.99,USD,T-shirt,abc123,3600,,fees-2026-0001\n"))
    @APIResponse(responseCode = "202", description = "Accepted; follow links.self for progress and links.results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkStatus")))
    @APIResponse(responseCode = "413", description = "payload_too_large: over payments.bulk.max-bytes")
    public Response upload(InputStream file) {
        return files.accepted(caller.getUserPrincipal().getName(), file, home());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import's status and progress")
    @APIResponse(responseCode = "200", description = "Status and progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkStatus")))
    @APIResponse(responseCode = "404", description = "not_found: no import of yours with this id")
    public BulkFiles.BulkStatus get(@PathParam("id") String id) {
        return files.status(id, caller.getUserPrincipal().getName(), home());
    }

    @GET
    @Path("{id}/results")
    @Produces(BulkFiles.CSV)
    @Operation(summary = "One line per row imported so far: row, external_id, then the request id or the error")
    @APIResponse(responseCode = "200", description = "row,external_id,request_id,error_code,error_message")
    public Response results(@PathParam("id") String id) {
        return files.results(id, caller.getUserPrincipal().getName());
    }

    private UriBuilder home() {
        return uri.getBaseUriBuilder().path("v1/bulk-requests");
    }
}
