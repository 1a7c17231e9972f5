package api.pantheon.payments.dialects.accounts002;

import api.pantheon.payments.edge.MaxJsonBytes;
import api.pantheon.payments.edge.Patterns;
import api.pantheon.payments.edge.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Seed 002's payment request: money asked into one of the caller's accounts ({@code to}), optionally
 * only from one named account ({@code from}), by a date, with the client's own metadata.
 */
public record NewAccountRequestBody(
        @NotNull(message = "is required") BigDecimal amount,
        @NotNull(message = "is required") @Valid To to,
        @Valid From from,
        @Pattern(regexp = Patterns.DATE_TIME, message = "must be an RFC 3339 date-time such as 2020-02-01T21:22:12.800Z")
        String expiration,
        @MaxJsonBytes(4096) @JsonbTypeDeserializer(StrictJson.ClientObject.class) JsonObject metadata,
        @Valid Location location) {

    public record To(
            @NotBlank(message = "is required") @Size(max = 3, message = "at most {max} characters") String currency,
            @NotNull(message = "is required") @Valid AccountRef account) {
    }

    public record From(
            @Size(max = 3, message = "at most {max} characters") String currency,
            @NotNull(message = "is required") @Valid AccountRef account) {
    }

    public record Location(
            @NotNull(message = "is required") @DecimalMin(value = "-90", message = "must be between -90 and 90")
            @DecimalMax(value = "90", message = "must be between -90 and 90") Double lat,
            @NotNull(message = "is required") @DecimalMin(value = "-180", message = "must be between -180 and 180")
            @DecimalMax(value = "180", message = "must be between -180 and 180") Double lng) {
    }
}
