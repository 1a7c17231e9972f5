package api.pantheon.payments.dialects.requests001;

import api.pantheon.payments.edge.StrictJson;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Which of the recipient's accounts pays a request. */
public record PayBody(
        @NotNull(message = "is required") @Positive(message = "must be a positive whole number")
        @JsonbTypeDeserializer(StrictJson.Id.class) Long accountId) {
}
