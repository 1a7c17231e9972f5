package api.pantheon.payments.events.boundary;

import java.util.Optional;

/**
 * A delivery a worker has taken: where to send what. {@code channel} is empty for a callback;
 * {@code subject} is set for email only.
 */
public record Outgoing(String deliveryId, String eventId, String url, Optional<String> channel, String subject, String body) {
}
