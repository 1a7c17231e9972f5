package api.pantheon.payments.dialects.messaging000;

import api.pantheon.payments.dialects.Hmac;
import api.pantheon.payments.events.boundary.DeliveryFacts;
import api.pantheon.payments.events.boundary.DeliveryFormat;
import api.pantheon.payments.events.boundary.Rendered;
import api.pantheon.payments.events.entity.DeliveryKind;
import api.pantheon.payments.parties.entity.PartyView;
import api.pantheon.payments.requests.entity.RequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What a messaging gateway receives for a request to its recipient (seed 000): who asks for how much,
 * for whom, and where to pay, signed {@code Payments-Signature: t=<unix seconds>,v=<hex HMAC-SHA256 of
 * t + "." + body>} with the gateway's secret.
 */
@ApplicationScoped
public class ChannelMessageFormat implements DeliveryFormat {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Override
    public DeliveryKind kind() {
        return DeliveryKind.CHANNEL_MESSAGE;
    }

    @Override
    public Rendered render(DeliveryFacts facts) {
        RequestView request = facts.request();
        PartyView recipient = facts.recipient().orElseThrow();
        JsonObjectBuilder to = JSON.createObjectBuilder();
        recipient.phone().ifPresent(phone -> to.add("phone", phone));
        recipient.username().ifPresent(username -> to.add("username", username));
        String body = JSON.createObjectBuilder()
                .add("event_id", facts.event().id())
                .add("channel", facts.channel().orElseThrow())
                .add("request_id", request.id())
                .add("recipient", to)
                .add("text", MessageText.of(request, facts.requester().orElseThrow(), facts.payLink()))
                .add("amount", request.amount().amount())
                .add("currency", request.amount().currencyCode())
                .add("pay_link", facts.payLink())
                .build().toString();
        return new Rendered(body, Map.of("Payments-Signature", signature(facts.secret(), facts.now().getEpochSecond(), body)),
                Optional.empty());
    }

    static String signature(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v=" + HexFormat.of().formatHex(Hmac.sha256(secret, unixSeconds + "." + body));
    }
}
