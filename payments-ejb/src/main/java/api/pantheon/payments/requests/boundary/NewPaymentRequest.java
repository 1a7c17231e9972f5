package api.pantheon.payments.requests.boundary;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What a client asks for when it requests money, already parsed from its dialect. {@code lifetime}
 * may be null for the default; the rules (amount, currency, lifetime) are checked by the boundary.
 */
public record NewPaymentRequest(
        BigDecimal amount,
        String currency,
        String recipient,
        String description,
        String imageUrl,
        String order,
        Integer terminal,
        Duration lifetime,
        String notifyUrl) {
}
