package api.pantheon.payments.events.entity;

import api.pantheon.payments.requests.entity.RequestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** An event as read: the status a request entered (or the refund it was given), and when. */
public record EventView(String id, long sequence, String type, String requestId, RequestStatus status,
                        Optional<String> transactionId, Instant occurredAt, Optional<String> refundId,
                        Optional<BigDecimal> refundAmount, Optional<BigDecimal> refundedTotal) {

    public static EventView of(Event event) {
        return new EventView(event.id(), event.sequence(), event.type(), event.requestId(), event.status(),
                event.transactionId(), event.occurredAt(), event.refundId(), event.refundAmount(), event.refundedTotal());
    }

    public boolean isRefund() {
        return refundId.isPresent();
    }
}
