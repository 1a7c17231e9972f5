package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.edge.ErrorEnvelope;
import api.pantheon.payments.edge.idempotency.OneTransaction;
import api.pantheon.payments.events.boundary.Events;
import api.pantheon.payments.payments.boundary.Payments;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dialect 001: payment requests addressed to a recipient by username or phone number. Create, read
 * and status as the seed documents them; pay, reject and cancel so this dialect drives the whole life.
 */
@Path("v1/requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payment requests (001)")
@APIResponse(responseCode = "401", description = "Missing or invalid credentials (code 100)",
        content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
public class RequestsResource {

    @Inject
    PaymentRequests requests;

    @Inject
    Payments payments;

    @Inject
    Events events;

    @Context
    SecurityContext caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a payment request and deliver it to the recipient")
    @RequestBody(content = @Content(example = "{\"amount\": 10.99,\"currency\": \"USD\",\"description\": \"T-shirt\","
            + "\"image_url\": \"https://upload.wikimedia.org/wikipedia/en/a/a9/Example.jpg\",\"order\": \"abc123\","
            + "\"recipient\": \"+14155551212\",\"terminal\": 1,\"expires_in\": 90,"
            + "\"notify_url\": \"https://example.com/notification\"}"))
    @APIResponse(responseCode = "200", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Created"),
                    examples = @ExampleObject(name = "created",
                    value = "{\"success\": true,\"id\": \"3e6975e8-77cb-48b7-7722-3dfe47677bbc\",\"created\": 1458748385}")))
    @APIResponse(responseCode = "400", description = "invalid_data (400): a field is missing or invalid; the message names it")
    @APIResponse(responseCode = "422", description = "recipient_not_found (200), merchant_cannot_be_recipient (201), "
            + "payment_exceeds_limits (301)")
    @OneTransaction
    public RequestDocuments.Created create(@Valid @NotNull(message = "is required") NewRequestBody body) {
        RequestView created = requests.create(callerId(), body.asOrder());
        return new RequestDocuments.Created(true, created.id(), created.createdAt().getEpochSecond());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a single payment request")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Document"), examples = @ExampleObject(name = "paid",
            value = "{\"id\": \"3e6975e8-77cb-48b7-7722-3dfe47677bbc\",\"transaction_id\": \"a917be59-f35a-478f-a5d9-19bf467972ad\","
                    + "\"amount\": 10.99,\"currency\": \"USD\",\"description\": \"T-shirt\",\"status\": \"paid\",\"order\": \"abc123\","
                    + "\"created\": 1458748385,\"updated\": 1458748422,\"expires\": 1458748475}")))
    @APIResponse(responseCode = "404", description = "payment_not_found (300): no such request, or not yours")
    public RequestDocuments.Document get(@PathParam("id") String id) {
        return RequestDocuments.document(requests.find(id, callerId()));
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "Get a payment request's status and expiry")
    @APIResponse(responseCode = "200", description = "Its status and expiry", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Status"), examples = @ExampleObject(name = "pending",
            value = "{\"id\": \"3e6975e8-77cb-48b7-7722-3dfe47677bbc\",\"status\": \"pending\",\"expires\": 1458748475}")))
    @APIResponse(responseCode = "404", description = "payment_not_found (300)")
    public RequestDocuments.Status status(@PathParam("id") String id) {
        return RequestDocuments.status(requests.find(id, callerId()));
    }

    @POST
    @Path("{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay a payment request (recipient only) from one of the caller's accounts")
    @RequestBody(content = @Content(example = "{\"account_id\": 1001}"))
    @APIResponse(responseCode = "200", description = "Paid: the request with its transaction_id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Document")))
    @APIResponse(responseCode = "409", description = "payment_not_pending (303) or payment_expired (304)")
    @APIResponse(responseCode = "422", description = "insufficient_funds (302) or currency_mismatch (305)")
    @OneTransaction
    public RequestDocuments.Document pay(@PathParam("id") String id, @Valid @NotNull(message = "is required") PayBody body) {
        return RequestDocuments.document(payments.payRequest(id, callerId(), body.accountId()));
    }

    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund part or all of a paid payment request (requester only)",
            description = "Moves the amount from the account the request was paid into back to the account that paid it."
                    + " The request stays paid and shows refunded_amount; notify_url hears of it with status refunded.")
    @RequestBody(content = @Content(example = "{\"amount\": 4.00, \"reason\": \"one item was out of stock\"}"))
    @APIResponse(responseCode = "201", description = "Refunded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Refund")))
    @APIResponse(responseCode = "403", description = "action_not_allowed (306): only the requester refunds")
    @APIResponse(responseCode = "409", description = "request_not_paid (310)")
    @APIResponse(responseCode = "422", description = "refund_exceeds_payment (311) or insufficient_funds (302)")
    @OneTransaction
    public Response refund(@PathParam("id") String id, @Valid @NotNull(message = "is required") RefundBody body) {
        return Response.status(Response.Status.CREATED)
                .entity(RequestDocuments.refund(payments.refund(id, callerId(), body.amount(), body.reason()))).build();
    }

    @GET
    @Path("{id}/refunds")
    @Operation(summary = "A paid request's refunds, oldest first (either party)")
    @APIResponse(responseCode = "200", description = "The refunds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RefundList")))
    public List<RequestDocuments.Refund> refunds(@PathParam("id") String id) {
        requests.find(id, callerId());
        return payments.refundsOf(id).stream().map(RequestDocuments::refund).toList();
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject (decline) a payment request (recipient only)")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Document")))
    @APIResponse(responseCode = "409", description = "payment_not_pending (303) or payment_expired (304)")
    @OneTransaction
    public RequestDocuments.Document reject(@PathParam("id") String id) {
        return RequestDocuments.document(requests.decline(id, callerId()));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a payment request (requester only)")
    @APIResponse(responseCode = "200", description = "Cancelled; reads rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Document")))
    @APIResponse(responseCode = "409", description = "payment_not_pending (303) or payment_expired (304)")
    @OneTransaction
    public RequestDocuments.Document cancel(@PathParam("id") String id) {
        return RequestDocuments.document(requests.cancel(id, callerId()));
    }

    @GET
    @Path("{id}/callbacks")
    @Operation(summary = "Every attempt to deliver this request's callbacks: time, URL, HTTP status or error, duration")
    @APIResponse(responseCode = "404", description = "payment_not_found (300)")
    @APIResponse(responseCode = "200", description = "Every try to call notify_url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AttemptList")))
    public List<EventDocuments.Attempt> callbacks(@PathParam("id") String id) {
        return events.attempts(id, callerId()).stream().map(EventDocuments.Attempt::of).toList();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Where the request's deliveries stand: to its recipient's channel and to notify_url")
    @APIResponse(responseCode = "404", description = "payment_not_found (300)")
    @APIResponse(responseCode = "200", description = "The request's deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryItemList")))
    public List<EventDocuments.DeliveryItem> deliveries(@PathParam("id") String id) {
        return events.deliveriesOfRequest(id, callerId()).stream().map(EventDocuments.DeliveryItem::of).toList();
    }

    private String callerId() {
        return caller.getUserPrincipal().getName();
    }
}
