package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.edge.StrictJson;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code {"id": 8795}}: an account, as seed 002 names one. */
public record AccountRef(
        @NotNull(message = "is required") @Positive(message = "must be a positive whole number")
        @JsonbTypeDeserializer(StrictJson.Id.class) Long id) {
}
