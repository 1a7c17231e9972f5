package api.pantheon.payments.requests.boundary;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What a client asks for when it requests money, already parsed from its dialect. {@code lifetime}
 * may be null for the default; {@code channel} null for the recipient's preferred one. The rules
 * (amount, currency, lifetime, channel) are checked by the boundary.
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
        String notifyUrl,
        String channel) {

    /** Dialect 001 names no channel: its requests reach the recipient's inbox. */
    public NewPaymentRequest(BigDecimal amount, String currency, String recipient, String description, String imageUrl,
                             String order, Integer terminal, Duration lifetime, String notifyUrl) {
        this(amount, currency, recipient, description, imageUrl, order, terminal, lifetime, notifyUrl, null);
    }
}
