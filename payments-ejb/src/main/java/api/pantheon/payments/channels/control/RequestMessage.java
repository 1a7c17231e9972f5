package api.pantheon.payments.channels.control;

import api.pantheon.payments.json.JsonFactories;
import api.pantheon.payments.events.control.CallbackDocument;
import api.pantheon.payments.events.entity.Event;
import api.pantheon.payments.parties.entity.Party;
import api.pantheon.payments.requests.entity.PaymentRequest;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

/** What a recipient is sent through a channel: who asks for how much, and where to pay. */
public final class RequestMessage {

    private static final JsonBuilderFactory JSON = JsonFactories.BUILDERS;

    private RequestMessage() {
    }

    public static String text(PaymentRequest request, Party requester, String payLink) {
        String who = requester.displayName().or(requester::username).orElse("Someone");
        return who + " requests " + request.amount() + request.description().map(d -> " for " + d).orElse("")
                + ". Pay before " + request.expiresAt() + ": " + payLink;
    }

    /** The JSON a gateway receives, for the recipient's phone or username. */
    public static String gatewayBody(Event event, String channel, PaymentRequest request, Party requester, Party recipient,
                                     String payLink) {
        JsonObjectBuilder to = JSON.createObjectBuilder();
        recipient.phone().ifPresent(phone -> to.add("phone", phone));
        recipient.username().ifPresent(username -> to.add("username", username));
        return JSON.createObjectBuilder()
                .add("event_id", event.id())
                .add("channel", channel)
                .add("request_id", request.id())
                .add("recipient", to)
                .add("text", text(request, requester, payLink))
                .add("amount", request.amount().amount())
                .add("currency", request.amount().currencyCode())
                .add("pay_link", payLink)
                .build().toString();
    }

    /** {@code t=<unix seconds>,v=<hex HMAC-SHA256 of t + "." + body>} with the gateway's secret. */
    public static String signature(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v=" + CallbackDocument.sign(secret, unixSeconds + "." + body);
    }
}
