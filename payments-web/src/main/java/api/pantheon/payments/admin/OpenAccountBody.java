package api.pantheon.payments.admin;

import api.pantheon.payments.ledger.entity.AccountKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An account to open for a party; a wallet unless it says otherwise. */
public record OpenAccountBody(
        @NotBlank(message = "is required") @Size(max = 3, message = "at most {max} characters") String currency,
        @Pattern(regexp = "WALLET|CARD|BANK", message = "must be WALLET, CARD or BANK") String type) {

    AccountKind accountKind() {
        return type == null ? AccountKind.WALLET : AccountKind.valueOf(type);
    }
}
