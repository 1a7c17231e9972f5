package api.pantheon.payments.admin;

import api.pantheon.payments.dialects.requests001.BulkFiles;
import api.pantheon.payments.parties.boundary.Parties;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A merchant's bulk files uploaded and followed by an operator on its behalf: the same import as the
 * merchant's own (which the merchant follows too), run as the merchant, started and audited as the
 * operator with its Audit-Reason.
 */
@Path("admin/v1/parties/{partyId}/bulk-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk payment requests")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
@APIResponse(responseCode = "404", description = "not_found: no such party, or no import of its with this id")
public class PartyBulkRequestsResource {

    @PathParam("partyId")
    String partyId;

    @Inject
    Parties parties;

    @Inject
    BulkFiles files;

    @Context
    UriInfo uri;

    @POST
    @Consumes(BulkFiles.CSV)
    @Operation(summary = "Upload a merchant's CSV file of payment requests on its behalf (the columns of POST /v1/bulk-requests)")
    @APIResponse(responseCode = "202", description = "Accepted; follow links.self for progress and links.results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkStatus")))
    @APIResponse(responseCode = "413", description = "payload_too_large: over payments.bulk.max-bytes")
    public Response upload(InputStream file) {
        return files.accepted(merchant(), file, home());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A merchant's import: status and progress")
    @APIResponse(responseCode = "200", description = "Status and progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkStatus")))
    public BulkFiles.BulkStatus get(@PathParam("id") String id) {
        return files.status(id, merchant(), home());
    }

    @GET
    @Path("{id}/results")
    @Produces(BulkFiles.CSV)
    @Operation(summary = "A merchant's import: one line per row imported so far")
    @APIResponse(responseCode = "200", description = "row,external_id,request_id,error_code,error_message")
    public Response results(@PathParam("id") String id) {
        return files.results(id, merchant());
    }

    private String merchant() {
        return parties.view(partyId).id();
    }

    private UriBuilder home() {
        return uri.getBaseUriBuilder().path("admin/v1/parties").path(partyId).path("bulk-requests");
    }
}
