package api.pantheon.payments.dialects.requests001;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Part or all of a paid request to give back, and why (the payer's callback and the audit trail say it). */
public record RefundBody(
        @NotNull(message = "is required") BigDecimal amount,
        @NotBlank(message = "is required") @Size(max = 500, message = "at most {max} characters") String reason) {
}
