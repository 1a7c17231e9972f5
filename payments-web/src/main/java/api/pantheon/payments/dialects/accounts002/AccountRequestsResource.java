package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.edge.QueryParams;
import api.pantheon.payments.edge.idempotency.OneTransaction;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.requests.boundary.NewAccountRequest;
import api.pantheon.payments.requests.boundary.PaymentRequests;
import api.pantheon.payments.requests.boundary.RequestPage;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dialect 002: account-to-account payment requests. The caller asks for money into one of its
 * accounts ({@code to}), optionally from one named account ({@code from}), and gets a code that
 * {@code POST /v1/payments} confirms. The code is the request's id, so the same request is
 * readable through dialect 001 too.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account payment requests (002)")
@APIResponse(responseCode = "401", description = "Missing or invalid credentials (code 100)")
public class AccountRequestsResource {

    @Inject
    PaymentRequests requests;

    @Context
    SecurityContext caller;

    @Context
    UriInfo uri;

    @POST
    @Path("payment-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a payment request into one of your accounts; answers the code to confirm it with")
    @RequestBody(content = @Content(example = "{\"amount\": 25.50,\"from\":{\"currency\": \"USD\",\"account\":{\"id\": 8795}},"
            + "\"to\":{\"currency\": \"USD\",\"account\":{\"id\": 6789}},\"expiration\": \"2030-02-01T21:22:12.800Z\","
            + "\"metadata\":{\"message\": \"David's birthday present\"},\"location\":{\"lat\":12.2,\"lng\":-12.2}}"))
    @APIResponse(responseCode = "201", description = "Created: the token that confirms it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "Token"), examples = @ExampleObject(name = "token",
            value = "{\"type\": \"TOKEN\",\"code\": \"f197146f-463f-4cdf-96ac-50a3133801a0\"}")))
    @APIResponse(responseCode = "400", description = "invalid_data: the message names the field")
    @OneTransaction
    public Response create(@Valid @NotNull(message = "is required") NewAccountRequestBody body) {
        String currency = body.to().currency();
        if (body.from() != null && body.from().currency() != null && !body.from().currency().equals(currency)) {
            throw ErrorCode.INVALID_DATA.exception("from.currency: must equal to.currency");
        }
        NewAccountRequest order = new NewAccountRequest(
                body.amount(),
                currency,
                body.to().account().id(),
                body.from() == null ? null : body.from().account().id(),
                body.expiration() == null ? null : instant("expiration", body.expiration()),
                body.metadata() == null ? null : body.metadata().toString(),
                body.location() == null ? null : body.location().lat(),
                body.location() == null ? null : body.location().lng());
        var created = requests.createForAccounts(callerId(), order);
        return Response.status(Response.Status.CREATED)
                .entity(new AccountRequestDocuments.Token("TOKEN", created.id())).build();
    }

    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADate) {
            throw ErrorCode.INVALID_DATA.exception(field + ": must be an RFC 3339 date-time such as 2020-02-01T21:22:12.800Z");
        }
    }

    @GET
    @Path("payment-requests")
    @Operation(summary = "List payment requests into (to) or from one of your accounts, newest first",
            description = "Exactly one of to and from. The array is one page; a Link header with rel=\"next\" gives the next.")
    @APIResponse(responseCode = "200", description = "A page of requests (an array, as the seed shows)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ItemList")))
    @APIResponse(responseCode = "404", description = "account_not_found: no such account of yours")
    public Response list(@QueryParam("to") String to, @QueryParam("from") String from,
                         @Parameter(description = "1 to 200, default 50") @QueryParam("limit") String limit,
                         @Parameter(description = "from the previous page's Link header") @QueryParam("cursor") String cursor) {
        if ((to == null) == (from == null)) {
            throw ErrorCode.INVALID_DATA.exception("to: give exactly one of to and from");
        }
        int size = QueryParams.pageSize(limit);
        RequestPage page = requests.page(callerId(), to == null ? null : QueryParams.wholeNumber("to", to, 1, Long.MAX_VALUE),
                from == null ? null : QueryParams.wholeNumber("from", from, 1, Long.MAX_VALUE), decode(cursor), size);
        List<AccountRequestDocuments.Item> items = page.requests().stream().map(AccountRequestDocuments::item).toList();
        Response.ResponseBuilder response = Response.ok(items);
        page.next().ifPresent(next -> response.link(uri.getRequestUriBuilder()
                .replaceQueryParam("cursor", encode(next)).replaceQueryParam("limit", size).build(), "next"));
        return response.build();
    }

    @GET
    @Path("payments-requests")
    @Operation(summary = "The seed's spelling of the list: the same as GET /v1/payment-requests")
    @APIResponse(responseCode = "200", description = "A page of requests (an array, as the seed shows)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ItemList")))
    public Response listAsTheSeedSpellsIt(@QueryParam("to") String to, @QueryParam("from") String from,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return list(to, from, limit, cursor);
    }

    @GET
    @Path("payment-requests/{code}")
    @Operation(summary = "One payment request by its code")
    @APIResponse(responseCode = "404", description = "payment_not_found: no such code, or not yours")
    @APIResponse(responseCode = "200", description = "The payment request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Item")))
    public AccountRequestDocuments.Item get(@PathParam("code") String code) {
        return AccountRequestDocuments.item(requests.find(code, callerId()));
    }

    @POST
    @Path("payment-requests/{code}/decline")
    @Operation(summary = "Decline (the payer: owner of the from account, or the recipient of a 001 request)")
    @APIResponse(responseCode = "403", description = "action_not_allowed: only the designated payer declines")
    @APIResponse(responseCode = "409", description = "payment_not_pending or payment_expired")
    @APIResponse(responseCode = "200", description = "Declined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Item")))
    @OneTransaction
    public AccountRequestDocuments.Item decline(@PathParam("code") String code) {
        return AccountRequestDocuments.item(requests.decline(code, callerId()));
    }

    @POST
    @Path("payment-requests/{code}/cancel")
    @Operation(summary = "Cancel (the sender, who owns the to account)")
    @APIResponse(responseCode = "403", description = "action_not_allowed: only the sender cancels")
    @APIResponse(responseCode = "409", description = "payment_not_pending or payment_expired")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Item")))
    @OneTransaction
    public AccountRequestDocuments.Item cancel(@PathParam("code") String code) {
        return AccountRequestDocuments.item(requests.cancel(code, callerId()));
    }

    private String callerId() {
        return caller.getUserPrincipal().getName();
    }

    private static String encode(RequestPage.Position position) {
        String text = position.createdAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestPage.Position decode(String cursor) {
        if (cursor == null) {
            return RequestPage.Position.START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new RequestPage.Position(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ErrorCode.INVALID_DATA.exception("cursor: not a cursor this server gave");
        }
    }
}
