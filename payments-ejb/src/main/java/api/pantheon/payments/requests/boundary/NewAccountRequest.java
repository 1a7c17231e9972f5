package api.pantheon.payments.requests.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A request for money into one of the caller's accounts (dialect 002), parsed. {@code fromAccountId},
 * {@code expiration}, {@code metadata} and the location may be null.
 */
public record NewAccountRequest(
        BigDecimal amount,
        String currency,
        Long toAccountId,
        Long fromAccountId,
        Instant expiration,
        String metadata,
        Double latitude,
        Double longitude) {
}
