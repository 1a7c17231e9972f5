package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.dialects.Hmac;
import api.pantheon.payments.events.boundary.DeliveryFacts;
import api.pantheon.payments.events.boundary.DeliveryFormat;
import api.pantheon.payments.events.boundary.Rendered;
import api.pantheon.payments.events.entity.DeliveryKind;
import api.pantheon.payments.events.entity.EventView;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The notification of dialect 001: the request's data at the event and a signature, the lowercase
 * hex HMAC-SHA256 of {@code id&transaction_id&order&amount&status&completed} (empty for a missing
 * value; {@code amount} exactly as written in the body) keyed with the requester's signing secret.
 */
@ApplicationScoped
public class RequestCallbackFormat implements DeliveryFormat {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    /** The status word of a refund's callback; the request itself still reads paid. */
    static final String REFUNDED = "refunded";

    @Override
    public DeliveryKind kind() {
        return DeliveryKind.REQUEST_CALLBACK;
    }

    @Override
    public Rendered render(DeliveryFacts facts) {
        EventView event = facts.event();
        RequestView request = facts.request();
        String amount = request.amount().amount().toPlainString();
        // A refund leaves the request paid; its callback says "refunded", with what was given back.
        String status = event.isRefund() ? REFUNDED : RequestWords.of(event.status());
        String completed = String.valueOf(event.occurredAt().getEpochSecond());
        JsonObjectBuilder body = JSON.createObjectBuilder().add("id", request.id());
        event.transactionId().ifPresent(id -> body.add("transaction_id", id));
        body.add("amount", request.amount().amount())
                .add("currency", request.amount().currencyCode())
                .add("status", status);
        request.order().ifPresent(value -> body.add("order", value));
        if (event.isRefund()) {
            int scale = request.amount().amount().scale();
            body.add("refund_id", event.refundId().orElseThrow())
                    .add("refund_amount", event.refundAmount().orElseThrow().setScale(scale))
                    .add("refunded_amount", event.refundedTotal().orElseThrow().setScale(scale));
        }
        String signed = String.join("&", request.id(), event.transactionId().orElse(""), request.order().orElse(""),
                amount, status, completed);
        return new Rendered(body.add("completed", event.occurredAt().getEpochSecond())
                .add("event_id", event.id())
                .add("signature", sign(facts.secret(), signed))
                .build().toString(), Map.of(), Optional.empty());
    }

    static String sign(String secret, String text) {
        return HexFormat.of().formatHex(Hmac.sha256(secret, text));
    }
}
