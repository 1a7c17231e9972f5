package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.entity.DeliveryKind;
import api.pantheon.payments.events.entity.EventView;
import api.pantheon.payments.parties.entity.PartyView;
import api.pantheon.payments.payments.entity.SubmissionView;
import api.pantheon.payments.requests.entity.RequestView;
import java.time.Instant;
import java.util.Optional;

/**
 * What a delivery is about, in the domain's terms, for the dialect that owns its kind to render and
 * sign: the event, the request as it stands, and what the kind needs besides (the submission of a
 * make-payment callback; the parties and pay link of a message through a channel). {@code secret} is
 * the key its signature is made with: the receiving client's signing secret, or the gateway's.
 */
public record DeliveryFacts(
        String deliveryId,
        DeliveryKind kind,
        String url,
        Optional<String> channel,
        EventView event,
        RequestView request,
        Optional<SubmissionView> submission,
        Optional<PartyView> requester,
        Optional<PartyView> recipient,
        String payLink,
        String secret,
        Instant now) {
}
