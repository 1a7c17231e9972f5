package api.pantheon.payments.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Money paid into an account from outside (a wire, a top-up); the core checks the amount against the currency. */
public record DepositBody(
        @NotNull(message = "is required") BigDecimal amount,
        @Size(max = 64, message = "at most {max} characters") String reference) {
}
