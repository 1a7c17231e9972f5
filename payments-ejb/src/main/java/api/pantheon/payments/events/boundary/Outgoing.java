package api.pantheon.payments.events.boundary;

/** A delivery a worker has taken: where to send what. */
public record Outgoing(String deliveryId, String eventId, String url, String body) {
}
