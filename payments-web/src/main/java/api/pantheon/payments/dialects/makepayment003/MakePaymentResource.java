package api.pantheon.payments.dialects.makepayment003;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.edge.ErrorEnvelope;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.payments.boundary.Submissions;
import api.pantheon.payments.payments.entity.SubmissionView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 003's make payment (seed 000's start an available payment is the same flow). The
 * call waits up to {@code wait} seconds for the business system on a suspended response (no thread
 * held), then answers 200 with the item, or 202 with status information and links.
 */
@Path("v1/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Make payment (003, 000)")
@APIResponse(responseCode = "401", description = "Invalid authentication header (code 100)")
public class MakePaymentResource {

    @Inject
    Submissions submissions;


    @Context
    SecurityContext caller;

    @Context
    UriInfo uri;

    public record Links(String status, String callbacks) {
    }

    public record Awaiting(String lastUpdated, long submissionCount, String message, Links links) {
    }

    @PATCH
    @Path("{id}/make_payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay an item (a payment request), waiting up to `wait` seconds for the business system")
    @RequestBody(content = @Content(example = "{\"account_id\": 1002, \"device_id\": \"358277090995038\","
            + " \"ip_address\": \"49.192.154.141\", \"wait\": 15,"
            + " \"callback\": \"https%3A%2F%2Fcallback.example.com%2Fassembly%2F%7Bitem%7D%2F%7Baccount%7D%2F%7Buuid%7D\"}"))
    @APIResponse(responseCode = "200", description = "The business system answered: the item with its payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PaymentItem")))
    @APIResponse(responseCode = "202", description = "Still waiting: last_updated, submission_count, message, links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Awaiting")))
    @APIResponse(responseCode = "400", description = "Missing or invalid item ID or account ID")
    @APIResponse(responseCode = "409", description = "Duplicate: a payment of this item is under way, or it is paid")
    @APIResponse(responseCode = "503", description = "The server is stopping; try again (Retry-After)")
    public void makePayment(@PathParam("id") String itemId, @Valid @NotNull(message = "is required") MakePaymentBody body,
                            @Suspended AsyncResponse response) {
        answerRefusals(response, () -> pay(itemId, body, callerId(), uri.getBaseUri().toString(), response));
    }

    /**
     * Runs the start of a suspended call. A refusal resumes the response with the error (mapped like any
     * other) rather than escaping the resource method: an exception thrown after suspending makes Jersey
     * answer on the connection's behalf, and sometimes after the container has already let go of it.
     */
    public static void answerRefusals(AsyncResponse response, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException refused) {
            response.resume(refused);
        }
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "The item once the business system has answered (200), else status information (202)")
    @APIResponse(responseCode = "200", description = "The business system answered: the item with its payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PaymentItem")))
    @APIResponse(responseCode = "202", description = "Still waiting: last_updated, submission_count, message, links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Awaiting")))
    public Response status(@PathParam("id") String itemId) {
        return answer(submissions.latest(itemId, callerId()), uri.getBaseUri().toString());
    }

    /** Submits the payment, then answers within {@code wait} seconds: the item, or where to look. */
    public void pay(String itemId, MakePaymentBody body, String callerId, String base, AsyncResponse response) {
        if (!submissions.takingPayments()) {
            response.resume(Response.fromResponse(ErrorEnvelope.response(ErrorCode.SERVICE_UNAVAILABLE,
                    "The server is stopping; try again shortly")).header("Retry-After", "5").build());
            return;
        }
        int wait = body.waitSeconds();
        String callback = body.callback() == null ? null : urlDecoded(body.callback());
        SubmissionView submitted = submissions.submit(callerId, itemId, body.accountId(), body.deviceId(), body.ipAddress(),
                callback);
        String paymentId = submitted.payment().id();
        if (submitted.answered() || wait == 0) {
            if (!submitted.answered()) {
                submissions.send(paymentId);
            }
            response.resume(answer(submitted, base));
            return;
        }
        Consumer<SubmissionView> onAnswer = item -> response.resume(answer(item, base));
        submissions.awaitAnswer(paymentId, onAnswer);
        response.setTimeout(wait, TimeUnit.SECONDS);
        response.setTimeoutHandler(timedOut -> {
            submissions.stopAwaiting(paymentId, onAnswer);
            timedOut.resume(answer(submissions.of(paymentId), base));
        });
        submissions.send(paymentId);
    }

    private static String urlDecoded(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw ErrorCode.INVALID_DATA.exception("callback: not a URL-encoded template");
        }
    }

    private static Response answer(SubmissionView submission, String base) {
        if (submission.answered()) {
            return Response.ok(ItemDocument.of(submission), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String item = submission.item().id();
        return Response.accepted(new Awaiting(Rfc3339.format(submission.lastUpdated()), submission.submissionCount(),
                "request awaiting response", new Links(base + "v1/items/" + item + "/status",
                base + "v1/requests/" + item + "/callbacks"))).build();
    }

    private String callerId() {
        return caller.getUserPrincipal().getName();
    }
}
