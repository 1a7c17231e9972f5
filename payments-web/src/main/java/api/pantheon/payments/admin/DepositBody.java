package api.pantheon.payments.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Money paid into an account from outside (a wire, a top-up); the core checks the amount against the
 * currency. Why: {@code reason}, else the {@code Audit-Reason} header, else the reference.
 */
public record DepositBody(
        @NotNull(message = "is required") BigDecimal amount,
        @Size(max = 64, message = "at most {max} characters") String reference,
        @Size(max = 500, message = "at most {max} characters") String reason) {
}
