package api.pantheon.payments.events.control;

import api.pantheon.payments.json.JsonFactories;
import api.pantheon.payments.events.entity.Event;
import api.pantheon.payments.requests.boundary.StatusWords;
import api.pantheon.payments.requests.entity.PaymentRequest;
import api.pantheon.payments.security.control.Secrets;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.HexFormat;

/**
 * The notification of dialect 001: the request's data at the event and a signature, the lowercase
 * hex HMAC-SHA256 of {@code id&transaction_id&order&amount&status&completed} (empty for a missing
 * value; {@code amount} exactly as written in the body) keyed with the requester's signing secret.
 */
public final class CallbackDocument {

    private static final JsonBuilderFactory JSON = JsonFactories.BUILDERS;

    private CallbackDocument() {
    }

    public static String of(Event event, PaymentRequest request, String signingSecret) {
        String amount = request.amount().amount().toPlainString();
        String status = StatusWords.payments001(event.status());
        String transactionId = event.transactionId().orElse("");
        String order = request.order().orElse("");
        String completed = String.valueOf(event.occurredAt().getEpochSecond());
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("id", request.id());
        event.transactionId().ifPresent(id -> body.add("transaction_id", id));
        body.add("amount", request.amount().amount())
                .add("currency", request.amount().currencyCode())
                .add("status", status);
        request.order().ifPresent(value -> body.add("order", value));
        return body.add("completed", event.occurredAt().getEpochSecond())
                .add("event_id", event.id())
                .add("signature", sign(signingSecret, String.join("&", request.id(), transactionId, order, amount, status, completed)))
                .build().toString();
    }

    public static String sign(String secret, String text) {
        return HexFormat.of().formatHex(Secrets.hmacSha256(secret, text));
    }
}
