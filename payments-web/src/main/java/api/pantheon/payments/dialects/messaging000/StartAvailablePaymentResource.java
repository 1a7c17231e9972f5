package api.pantheon.payments.dialects.messaging000;

import api.pantheon.payments.dialects.makepayment003.ItemDocument;
import api.pantheon.payments.dialects.makepayment003.MakePaymentBody;
import api.pantheon.payments.dialects.makepayment003.MakePaymentResource;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seed 000: start paying a request addressed to the caller, with make payment's flow and answers. */
@Path("startAvailablePayment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Make payment (003, 000)")
@APIResponse(responseCode = "401", description = "Invalid authentication header (code 100)")
public class StartAvailablePaymentResource {

    @Inject
    PaymentRequests requests;

    @Inject
    MakePaymentResource makePayment;

    @Context
    SecurityContext caller;

    @Context
    UriInfo uri;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay request_id, or without it your oldest pending request, as make payment does")
    @RequestBody(content = @Content(example = "{\"account_id\": 1002, \"wait\": 10}"))
    @APIResponse(responseCode = "200", description = "Answered: the item with its payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PaymentItem")))
    @APIResponse(responseCode = "202", description = "Still waiting: status information and links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Awaiting")))
    @APIResponse(responseCode = "404", description = "payment_not_found: no pending request for you")
    public void start(@Valid @NotNull(message = "is required") MakePaymentBody body, @Suspended AsyncResponse response) {
        MakePaymentResource.answerRefusals(response, () -> {
            String callerId = caller.getUserPrincipal().getName();
            String requestId = Optional.ofNullable(body.requestId()).orElseGet(() -> requests.oldestAvailable(callerId)
                    .orElseThrow(() -> ErrorCode.PAYMENT_NOT_FOUND.exception("No pending payment request is addressed to you")));
            makePayment.pay(requestId, body, callerId, uri.getBaseUri().toString(), response);
        });
    }
}
