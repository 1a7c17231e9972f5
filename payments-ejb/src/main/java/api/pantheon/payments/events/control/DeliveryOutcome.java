package api.pantheon.payments.events.control;

import java.time.Instant;

/** What happened to one try of a delivery: an HTTP status, or an error, or (mail) neither. */
public record DeliveryOutcome(Instant at, Integer httpStatus, String error, long durationMillis) {
}
