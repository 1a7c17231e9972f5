package api.pantheon.payments.dialects.makepayment003;

import api.pantheon.payments.dialects.Hmac;
import api.pantheon.payments.events.boundary.DeliveryFacts;
import api.pantheon.payments.events.boundary.DeliveryFormat;
import api.pantheon.payments.events.boundary.Rendered;
import api.pantheon.payments.events.entity.DeliveryKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 003's callback: the item, POSTed to the payer's expanded callback URL with
 * {@code Webhooks-signature: t=<unix seconds>,v=<base64url, no padding, of HMAC-SHA256(secret, t + "." + body)>}
 * keyed with the paying client's signing secret.
 */
@ApplicationScoped
public class SubmissionCallbackFormat implements DeliveryFormat {

    @Override
    public DeliveryKind kind() {
        return DeliveryKind.SUBMISSION_CALLBACK;
    }

    @Override
    public Rendered render(DeliveryFacts facts) {
        String body = ItemDocument.json(facts.submission().orElseThrow());
        return new Rendered(body, Map.of("Webhooks-signature", signature(facts.secret(), facts.now().getEpochSecond(), body)),
                Optional.empty());
    }

    static String signature(String secret, long unixSeconds, String body) {
        byte[] digest = Hmac.sha256(secret, unixSeconds + "." + body);
        return "t=" + unixSeconds + ",v=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
