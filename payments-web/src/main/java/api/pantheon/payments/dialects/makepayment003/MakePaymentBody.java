package api.pantheon.payments.dialects.makepayment003;

import api.pantheon.payments.edge.StrictJson;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Seed 003's make payment, and seed 000's startAvailablePayment (which may name the request; without it,
 * the caller's oldest pending one). {@code callback} is URL-encoded, with {item}, {account} and {uuid}.
 */
public record MakePaymentBody(
        @Size(max = 64, message = "at most {max} characters") String requestId,
        @NotNull(message = "is required") @Positive(message = "must be a positive whole number")
        @JsonbTypeDeserializer(StrictJson.Id.class) Long accountId,
        @Size(max = 128, message = "at most {max} characters") String deviceId,
        @Size(max = 64, message = "at most {max} characters") String ipAddress,
        // "wait" names a method every object has, so the component takes a longer name and the wire keeps the seed's.
        @JsonbProperty("wait")
        @Min(value = 0, message = "must be between 0 and 30") @Max(value = 30, message = "must be between 0 and 30") Integer waitUpTo,
        @Size(max = 4096, message = "at most {max} characters") String callback) {

    int waitSeconds() {
        return waitUpTo == null ? 0 : waitUpTo;
    }
}
