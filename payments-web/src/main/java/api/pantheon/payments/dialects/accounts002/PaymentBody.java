package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.edge.MaxJsonBytes;
import api.pantheon.payments.edge.StrictJson;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Seed 002's payment: with a {@code token} it confirms (pays) that payment request; without one it
 * transfers {@code from[0].amount}. One {@code from} and at most one {@code to}.
 */
public record PaymentBody(
        @Size(max = 64, message = "at most {max} characters") String token,
        @Size(max = 255, message = "at most {max} characters") String descriptor,
        @MaxJsonBytes(4096) @JsonbTypeDeserializer(StrictJson.ClientStructure.class) JsonValue metadata,
        @NotNull(message = "one entry is required")
        @Size(min = 1, max = 1, message = "send one entry; several are not supported") List<@Valid Side> from,
        @Size(max = 1, message = "send one entry; several are not supported") List<@Valid Side> to) {

    public record Side(
            BigDecimal amount,
            @Size(max = 3, message = "at most {max} characters") String currency,
            @NotNull(message = "is required") @Valid AccountRef account) {
    }
}
