package api.pantheon.payments.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A console operator to create; the core checks the name, the password's length and the role. */
public record OperatorBody(
        @NotNull(message = "is required") @Size(max = 64, message = "at most {max} characters") String username,
        @NotNull(message = "is required") @Size(max = 128, message = "at most {max} characters") String password,
        @NotNull(message = "is required") String role,
        @Size(max = 500, message = "at most {max} characters") String reason) {
}
