package api.pantheon.payments.dialects.messaging000;

import api.pantheon.payments.events.boundary.DeliveryFacts;
import api.pantheon.payments.events.boundary.DeliveryFormat;
import api.pantheon.payments.events.boundary.Rendered;
import api.pantheon.payments.events.entity.DeliveryKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** A request sent to its recipient by email (seed 000): the same words as a gateway's text. */
@ApplicationScoped
public class ChannelEmailFormat implements DeliveryFormat {

    @Override
    public DeliveryKind kind() {
        return DeliveryKind.CHANNEL_EMAIL;
    }

    @Override
    public Rendered render(DeliveryFacts facts) {
        return new Rendered(MessageText.of(facts.request(), facts.requester().orElseThrow(), facts.payLink()), Map.of(),
                Optional.of("Payment request: " + facts.request().amount()));
    }
}
