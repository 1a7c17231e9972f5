package api.pantheon.payments.admin;

import api.pantheon.payments.payments.boundary.Payments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any payment as operators see it: whether it completed, and which ledger transaction moved its money. */
@Path("admin/v1/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning (operators)")
@APIResponse(responseCode = "401", description = "Missing or invalid admin token (code 101)")
public class PaymentsAdminResource {

    @Inject
    Payments payments;

    @GET
    @Path("{id}")
    @Operation(summary = "Read a payment: a paid request's, a transfer, or a card or bank submission")
    @APIResponse(responseCode = "404", description = "not_found (404)")
    @APIResponse(responseCode = "200", description = "The payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminPayment")))
    public AdminDocuments.PaymentDocument get(@PathParam("id") String id) {
        return AdminDocuments.PaymentDocument.of(payments.find(id));
    }
}
