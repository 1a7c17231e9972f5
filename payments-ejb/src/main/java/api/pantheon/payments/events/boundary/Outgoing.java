package api.pantheon.payments.events.boundary;

import java.util.Optional;

/**
 * A delivery a worker has taken: where to send what. {@code channel} is empty for callbacks;
 * {@code subjectOrSignature} is the subject of an email, or the {@code Webhooks-signature} of a
 * make-payment callback (seed 003), else null.
 */
public record Outgoing(String deliveryId, String eventId, String url, Optional<String> channel, String subjectOrSignature,
                       String body) {
}
