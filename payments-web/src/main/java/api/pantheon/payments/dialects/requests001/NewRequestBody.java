package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.edge.Patterns;
import api.pantheon.payments.requests.boundary.NewPaymentRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Duration;

/**
 * A payment request as seed 001 writes it (and seed 000, which adds {@code channel}). The declaration is the contract: binding, validation, the
 * error naming the field, and the OpenAPI schema all come from it. The rules that need configuration
 * (supported currencies, their decimals and limits) are the core's.
 */
public record NewRequestBody(
        @NotNull(message = "is required") BigDecimal amount,
        @NotBlank(message = "is required") @Size(max = 3, message = "at most {max} characters") String currency,
        @NotBlank(message = "is required") @Size(max = 64, message = "at most {max} characters") String recipient,
        @Size(max = 255, message = "at most {max} characters") String description,
        @Size(max = 2048, message = "at most {max} characters")
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an absolute http or https URL") String imageUrl,
        @Size(max = 255, message = "at most {max} characters") String order,
        Integer terminal,
        @Min(value = 10, message = "must be between 10 seconds and 7 days ahead")
        @Max(value = 604_800, message = "must be between 10 seconds and 7 days ahead") Long expiresIn,
        @Size(max = 2048, message = "at most {max} characters")
        @Pattern(regexp = Patterns.HTTP_URL, message = "must be an absolute http or https URL") String notifyUrl,
        @Schema(description = "Seed 000's requestPayment only: the channel to send the request through "
                + "(inbox, email, or a configured gateway); POST /v1/requests ignores it")
        @Size(max = 32, message = "at most {max} characters") String channel) {

    /** The order as 001 places it: the recipient's own channel decides how they hear of it. */
    NewPaymentRequest asOrder() {
        return asOrder(null);
    }

    /** The order as seed 000 places it, through the channel it names. */
    public NewPaymentRequest asOrderThroughChannel() {
        return asOrder(channel);
    }

    private NewPaymentRequest asOrder(String channel) {
        return new NewPaymentRequest(amount, currency, recipient, description, imageUrl, order, terminal,
                expiresIn == null ? null : Duration.ofSeconds(expiresIn), notifyUrl, channel);
    }
}
