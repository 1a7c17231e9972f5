package api.pantheon.payments.rest;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * A request body read field by field, so that every refusal names the field and says what is wrong
 * with it (a generic binder would only say the JSON was bad). {@code null} reads as absent.
 */
public final class JsonBody {

    private static final int URL_MAX = 2048;
    /** Json.createReader looks its provider up on every call; one factory serves every request. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ErrorCode.INVALID_DATA.exception("request body: must be a JSON object");
            }
            return new JsonBody(value.asJsonObject());
        } catch (JsonException malformed) {
            throw ErrorCode.INVALID_DATA.exception("request body: malformed JSON");
        }
    }

    public Optional<String> string(String field, int maxLength) {
        return value(field).map(value -> {
            if (!(value instanceof JsonString string)) {
                throw invalid(field, "must be a string");
            }
            String text = string.getString();
            if (text.length() > maxLength) {
                throw invalid(field, "at most " + maxLength + " characters");
            }
            return text;
        });
    }

    public String requiredString(String field, int maxLength) {
        return string(field, maxLength).filter(text -> !text.isBlank()).orElseThrow(() -> invalid(field, "is required"));
    }

    /** A JSON number read exactly as written: 10.99 stays 10.99, never a binary fraction. */
    public Optional<BigDecimal> decimal(String field) {
        return value(field).map(value -> {
            if (!(value instanceof JsonNumber number)) {
                throw invalid(field, "must be a number");
            }
            return number.bigDecimalValue();
        });
    }

    public BigDecimal requiredDecimal(String field) {
        return decimal(field).orElseThrow(() -> invalid(field, "is required"));
    }

    public Optional<Long> integer(String field, long min, long max) {
        return value(field).map(value -> {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                throw invalid(field, "must be a whole number");
            }
            BigDecimal exact = number.bigDecimalValue();
            if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw invalid(field, "must be between " + min + " and " + max);
            }
            return exact.longValueExact();
        });
    }

    /** An id clients may send as a number or as a numeric string. */
    public Long requiredId(String field) {
        JsonValue value = value(field).orElseThrow(() -> invalid(field, "is required"));
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        try {
            long id = Long.parseLong(text);
            if (id <= 0) {
                throw invalid(field, "must be a positive whole number");
            }
            return id;
        } catch (NumberFormatException notAnId) {
            throw invalid(field, "must be a positive whole number");
        }
    }

    /** An absolute http(s) URL; anything else could make the server fetch or link what it should not. */
    public Optional<String> httpUrl(String field) {
        return string(field, URL_MAX).map(text -> {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
                if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw invalid(field, "must be an absolute http or https URL");
                }
                return text;
            } catch (URISyntaxException e) {
                throw invalid(field, "must be an absolute http or https URL");
            }
        });
    }

    private Optional<JsonValue> value(String field) {
        JsonValue value = json.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(value);
    }

    private static PaymentsException invalid(String field, String problem) {
        return ErrorCode.INVALID_DATA.exception(field + ": " + problem);
    }
}
