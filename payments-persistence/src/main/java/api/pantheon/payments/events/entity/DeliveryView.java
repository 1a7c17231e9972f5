package api.pantheon.payments.events.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * A delivery as its owner reads it. A message through a channel goes to the platform's gateway or
 * the recipient's mailbox, neither of which is the requester's to see: its address is left out.
 */
public record DeliveryView(String id, String eventId, DeliveryKind kind, Optional<String> channel, Optional<String> url,
                           DeliveryState state, int attempts, Optional<Instant> nextAttemptAt, String requestId,
                           String partyId, Instant createdAt, Instant updatedAt) {

    public static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.kind(), delivery.channel(),
                delivery.channel().isPresent() ? Optional.empty() : Optional.of(delivery.url()), delivery.state(),
                delivery.attempts(), delivery.nextAttemptAt(), delivery.requestId(), delivery.partyId(),
                delivery.createdAt(), delivery.updatedAt());
    }

    /** Where it goes, without path or query (which may carry a client's secret): for grouping failures. */
    public Optional<String> host() {
        return url.map(address -> {
            try {
                String host = java.net.URI.create(address).getHost();
                return host == null ? "(no host)" : host;
            } catch (IllegalArgumentException notAUri) {
                return "(not a URL)";
            }
        });
    }
}
