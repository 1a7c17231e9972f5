package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.edge.Json;
import api.pantheon.payments.edge.idempotency.OneTransaction;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.payments.boundary.Payments;
import api.pantheon.payments.payments.entity.PaymentView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dialect 002's payments: with a {@code token} it confirms (pays) a payment request; without one it
 * transfers funds between an account the caller owns and another. One {@code from} and one {@code to}.
 */
@Path("v1/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account payment requests (002)")
@APIResponse(responseCode = "401", description = "Missing or invalid credentials (code 100)")
public class PaymentsResource {

    @Inject
    Payments payments;

    @Context
    SecurityContext caller;

    public record AccountId(Long id) {
    }

    /** Named apart from the body's side, which has an amount and a currency. */
    @Schema(name = "PaymentSide")
    public record Side(AccountId account) {
    }

    @Schema(name = "AccountPayment")
    public record PaymentDocument(String id, String status, BigDecimal amount, String currency, Side from, Side to,
                                  String created, String token, String descriptor, JsonValue metadata) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a payment request with its token, or transfer funds without one")
    @RequestBody(content = @Content(example = "{\"descriptor\": \"PAYMENT REQUEST ACCEPT\",\"token\": \"f197146f-463f-4cdf-96ac-50a3133801a0\","
            + "\"from\": [{\"amount\": 25.50,\"currency\": \"USD\",\"account\": {\"id\": 8795}}],"
            + "\"to\": [{\"currency\": \"USD\",\"account\": {\"id\": 6789}}],"
            + "\"metadata\": [{\"source\": \"account balance\",\"message\": \"David's birthday present\"}]}"))
    @APIResponse(responseCode = "201", description = "The completed payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountPayment")))
    @APIResponse(responseCode = "400", description = "invalid_data: unknown or expired token, a to that is not the request's, "
            + "several from or to entries, a field missing or invalid")
    @APIResponse(responseCode = "409", description = "payment_not_pending: already paid, declined or cancelled")
    @APIResponse(responseCode = "422", description = "insufficient_funds: nothing moved")
    @OneTransaction
    public Response pay(@Valid @NotNull(message = "is required") PaymentBody body) {
        PaymentBody.Side from = body.from().get(0);
        Optional<PaymentBody.Side> to = body.to() == null ? Optional.empty() : body.to().stream().findFirst();
        Long toAccount = to.map(side -> side.account().id()).orElse(null);
        String toCurrency = to.map(PaymentBody.Side::currency).orElse(null);
        if (from.currency() != null && toCurrency != null && !from.currency().equals(toCurrency)) {
            throw ErrorCode.INVALID_DATA.exception("to[0].currency: must equal from[0].currency");
        }
        String currency = from.currency() == null ? toCurrency : from.currency();
        Payments.Details details = new Payments.Details(body.descriptor(),
                body.metadata() == null ? null : body.metadata().toString());
        PaymentView payment;
        if (body.token() == null) {
            if (from.amount() == null) {
                throw ErrorCode.INVALID_DATA.exception("from[0].amount: is required for a transfer");
            }
            if (toAccount == null) {
                throw ErrorCode.INVALID_DATA.exception("to: one entry is required for a transfer");
            }
            payment = payments.transfer(callerId(), from.account().id(), "from[0].account.id", toAccount, "to[0].account.id",
                    from.amount(), currency, details);
        } else {
            payment = payments.confirm(callerId(), body.token(), from.account().id(), toAccount, from.amount(), currency,
                    details);
        }
        return Response.status(Response.Status.CREATED).entity(document(payment)).build();
    }

    private static PaymentDocument document(PaymentView payment) {
        return new PaymentDocument(payment.id(), payment.status().name(), payment.amount().amount(),
                payment.amount().currencyCode(), new Side(new AccountId(payment.payerAccountId())),
                new Side(new AccountId(payment.payeeAccountId())), Rfc3339.format(payment.createdAt()),
                payment.requestId().orElse(null), payment.descriptor().orElse(null),
                payment.metadata().map(Json::readStored).orElse(null));
    }

    private String callerId() {
        return caller.getUserPrincipal().getName();
    }
}
