package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.edge.JsonBody;
import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.payments.boundary.Payments;
import api.pantheon.payments.payments.entity.PaymentView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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

    private static final int METADATA_MAX = 4096;

    @Inject
    Payments payments;

    @Context
    SecurityContext caller;

    public record AccountId(Long id) {
    }

    public record Side(AccountId account) {
    }

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
    @APIResponse(responseCode = "201", description = "The completed payment")
    @APIResponse(responseCode = "400", description = "invalid_data: unknown or expired token, a to that is not the request's, "
            + "several from or to entries, a field missing or invalid")
    @APIResponse(responseCode = "409", description = "payment_not_pending: already paid, declined or cancelled")
    @APIResponse(responseCode = "422", description = "insufficient_funds: nothing moved")
    public Response pay(String body) {
        JsonBody json = JsonBody.parse(body);
        JsonBody from = single(json, "from").orElseThrow(() -> ErrorCode.INVALID_DATA.exception("from: one entry is required"));
        var to = single(json, "to");
        Long fromAccount = account(from);
        Long toAccount = to.map(PaymentsResource::account).orElse(null);
        BigDecimal amount = from.decimal("amount").orElse(null);
        String currency = from.string("currency", 3).orElse(null);
        String toCurrency = to.flatMap(side -> side.string("currency", 3)).orElse(null);
        if (currency != null && toCurrency != null && !currency.equals(toCurrency)) {
            throw ErrorCode.INVALID_DATA.exception("to[0].currency: must equal from[0].currency");
        }
        Payments.Details details = new Payments.Details(json.string("descriptor", 255).orElse(null),
                json.rawJson("metadata", METADATA_MAX, true).orElse(null));
        String token = json.string("token", 64).orElse(null);
        PaymentView payment;
        if (token == null) {
            if (amount == null) {
                throw ErrorCode.INVALID_DATA.exception("from[0].amount: is required for a transfer");
            }
            if (toAccount == null) {
                throw ErrorCode.INVALID_DATA.exception("to: one entry is required for a transfer");
            }
            payment = payments.transfer(callerId(), fromAccount, "from[0].account.id", toAccount, "to[0].account.id",
                    amount, currency == null ? toCurrency : currency, details);
        } else {
            payment = payments.confirm(callerId(), token, fromAccount, toAccount, amount,
                    currency == null ? toCurrency : currency, details);
        }
        return Response.status(Response.Status.CREATED).entity(document(payment)).build();
    }

    private static java.util.Optional<JsonBody> single(JsonBody json, String field) {
        List<JsonBody> entries = json.objects(field);
        if (entries.size() > 1) {
            throw ErrorCode.INVALID_DATA.exception(field + ": several " + field + " entries are not supported; send one");
        }
        return entries.stream().findFirst();
    }

    private static Long account(JsonBody side) {
        return side.requiredObject("account").requiredId("id");
    }

    private static PaymentDocument document(PaymentView payment) {
        return new PaymentDocument(payment.id(), payment.status().name(), payment.amount().amount(),
                payment.amount().currencyCode(), new Side(new AccountId(payment.payerAccountId())),
                new Side(new AccountId(payment.payeeAccountId())), Rfc3339.format(payment.createdAt()),
                payment.requestId().orElse(null), payment.descriptor().orElse(null),
                payment.metadata().map(JsonBody::readStored).orElse(null));
    }

    private String callerId() {
        return caller.getUserPrincipal().getName();
    }
}
