package api.pantheon.payments.events.boundary;

import api.pantheon.payments.events.entity.Delivery;
import api.pantheon.payments.events.entity.DeliveryAttempt;
import api.pantheon.payments.events.entity.Event;
import api.pantheon.payments.requests.boundary.StatusWords;
import api.pantheon.payments.time.Rfc3339;

/** Events and callback attempts as clients read them. */
public final class EventDocuments {

    private EventDocuments() {
    }

    public record EventItem(String id, String type, String requestId, String status, String transactionId, String created) {
        static EventItem of(Event event) {
            return new EventItem(event.id(), event.type(), event.requestId(), StatusWords.payments001(event.status()),
                    event.transactionId().orElse(null), Rfc3339.format(event.occurredAt()));
        }
    }

    public record Attempt(String eventId, String channel, String url, String attemptedAt, Integer httpStatus, String error,
                          long durationMs, boolean succeeded) {
        public static Attempt of(DeliveryAttempt attempt) {
            return new Attempt(attempt.eventId(), attempt.channel().orElse("callback"),
                    attempt.channel().isPresent() ? null : attempt.url(), Rfc3339.format(attempt.attemptedAt()),
                    attempt.httpStatus().orElse(null), attempt.error().orElse(null), attempt.durationMillis(),
                    attempt.succeeded());
        }
    }

    public record DeliveryItem(String id, String eventId, String channel, String url, String state, int attempts,
                               String nextAttempt) {
        public static DeliveryItem of(Delivery delivery) {
            // A channel's address is the platform's gateway or the recipient's mailbox: neither is the requester's to see.
            return new DeliveryItem(delivery.id(), delivery.eventId(), delivery.channel().orElse("callback"),
                    delivery.channel().isPresent() ? null : delivery.url(), delivery.state().name(), delivery.attempts(),
                    delivery.nextAttemptAt().map(Rfc3339::format).orElse(null));
        }
    }
}
