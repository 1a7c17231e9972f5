package api.pantheon.payments.events.entity;

import java.time.Instant;
import java.util.Optional;

/** One try at a delivery as its owner reads it; a channel's address is left out, as in {@link DeliveryView}. */
public record AttemptView(String eventId, Optional<String> channel, Optional<String> url, Instant attemptedAt,
                          Optional<Integer> httpStatus, Optional<String> error, long durationMillis, boolean succeeded) {

    public static AttemptView of(DeliveryAttempt attempt) {
        return new AttemptView(attempt.eventId(), attempt.channel(),
                attempt.channel().isPresent() ? Optional.empty() : Optional.of(attempt.url()), attempt.attemptedAt(),
                attempt.httpStatus(), attempt.error(), attempt.durationMillis(), attempt.succeeded());
    }
}
