package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.dialects.Rfc3339;
import api.pantheon.payments.events.entity.AttemptView;
import api.pantheon.payments.events.entity.DeliveryView;
import api.pantheon.payments.events.entity.EventView;

/** Events and delivery attempts as clients read them. */
public final class EventDocuments {

    private EventDocuments() {
    }

    public record EventItem(String id, String type, String requestId, String status, String transactionId, String created) {
        static EventItem of(EventView event) {
            return new EventItem(event.id(), event.type(), event.requestId(), RequestWords.of(event.status()),
                    event.transactionId().orElse(null), Rfc3339.format(event.occurredAt()));
        }
    }

    public record Attempt(String eventId, String channel, String url, String attemptedAt, Integer httpStatus, String error,
                          long durationMs, boolean succeeded) {
        public static Attempt of(AttemptView attempt) {
            return new Attempt(attempt.eventId(), attempt.channel().orElse("callback"), attempt.url().orElse(null),
                    Rfc3339.format(attempt.attemptedAt()), attempt.httpStatus().orElse(null), attempt.error().orElse(null),
                    attempt.durationMillis(), attempt.succeeded());
        }
    }

    public record DeliveryItem(String id, String eventId, String channel, String url, String state, int attempts,
                               String nextAttempt) {
        public static DeliveryItem of(DeliveryView delivery) {
            return new DeliveryItem(delivery.id(), delivery.eventId(), delivery.channel().orElse("callback"),
                    delivery.url().orElse(null), delivery.state().name(), delivery.attempts(),
                    delivery.nextAttemptAt().map(Rfc3339::format).orElse(null));
        }
    }
}
