package api.pantheon.payments.dialects.messaging000;

import api.pantheon.payments.dialects.requests001.RequestDocuments;
import api.pantheon.payments.edge.QueryParams;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inbox channel: where a recipient finds the pending requests addressed to it. */
@Path("v1/inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging (000)")
@APIResponse(responseCode = "401", description = "Missing or invalid credentials (code 100)")
public class InboxResource {

    @Inject
    PaymentRequests requests;

    @Context
    SecurityContext caller;

    @GET
    @Operation(summary = "Pending payment requests addressed to you, newest first")
    @APIResponse(responseCode = "200", description = "The requests addressed to you",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DocumentList")))
    public List<RequestDocuments.Document> inbox(@QueryParam("limit") String limit) {
        int size = QueryParams.pageSize(limit);
        return requests.inbox(caller.getUserPrincipal().getName(), size).stream().map(RequestDocuments::document).toList();
    }

}
