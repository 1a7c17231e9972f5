package api.pantheon.payments.admin;

import api.pantheon.payments.parties.entity.PartyKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A merchant or a person to register; the core decides which of username and phone are needed. */
public record RegisterPartyBody(
        @NotNull(message = "is required") @Pattern(regexp = "MERCHANT|PERSON", message = "must be MERCHANT or PERSON") String kind,
        @Size(max = 64, message = "at most {max} characters") String username,
        @Size(max = 32, message = "at most {max} characters") String phone,
        @Size(max = 128, message = "at most {max} characters") String displayName,
        @Size(max = 254, message = "at most {max} characters") String email,
        @Size(max = 32, message = "at most {max} characters") String preferredChannel) {

    PartyKind partyKind() {
        return PartyKind.valueOf(kind);
    }
}
