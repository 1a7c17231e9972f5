package api.pantheon.payments.events.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * A delivery as its owner reads it. A message through a channel goes to the platform's gateway or
 * the recipient's mailbox, neither of which is the requester's to see: its address is left out.
 */
public record DeliveryView(String id, String eventId, DeliveryKind kind, Optional<String> channel, Optional<String> url,
                           DeliveryState state, int attempts, Optional<Instant> nextAttemptAt) {

    public static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.kind(), delivery.channel(),
                delivery.channel().isPresent() ? Optional.empty() : Optional.of(delivery.url()), delivery.state(),
                delivery.attempts(), delivery.nextAttemptAt());
    }
}
