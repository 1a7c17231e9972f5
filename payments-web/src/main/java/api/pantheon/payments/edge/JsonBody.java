package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import api.pantheon.payments.errors.PaymentsException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request body read field by field, so that every refusal names the field and says what is wrong
 * with it (a generic binder would only say the JSON was bad). {@code null} reads as absent.
 */
public final class JsonBody {

    private static final int URL_MAX = 2048;
    /** Longer than any amount or id anyone writes; a number is refused by its text before it is built. */
    private static final int NUMBER_TEXT_MAX = 40;
    private final JsonObject json;
    /** Where this object sits in the body ("from.", "to[0]."), so errors name the full field. */
    private final String path;

    private JsonBody(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    private JsonBody(JsonObject json) {
        this(json, "");
    }

    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        try (JsonReader reader = Json.READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ErrorCode.INVALID_DATA.exception("request body: must be a JSON object");
            }
            return new JsonBody(value.asJsonObject());
        } catch (JsonException malformed) {
            throw ErrorCode.INVALID_DATA.exception("request body: malformed JSON");
        } catch (NumberFormatException | ArithmeticException | UnsupportedOperationException numberOutOfRange) {
            // Parsson builds every number as it reads: 1E+2147483648 is beyond what a decimal can be,
            // and it refuses a number written with more than 1,100 characters.
            throw ErrorCode.INVALID_DATA.exception("request body: a number is out of range");
        }
    }

    /** JSON text this server wrote itself (stored metadata), as a value to embed in a response. */
    public static JsonValue readStored(String text) {
        try (JsonReader reader = Json.READERS.createReader(new StringReader(text))) {
            return reader.readValue();
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
            if (hasControlCharacter(text)) {
                throw invalid(field, "must not contain control characters");
            }
            return text;
        });
    }

    public String requiredString(String field, int maxLength) {
        return string(field, maxLength).filter(text -> !text.isBlank()).orElseThrow(() -> invalid(field, "is required"));
    }

    /** A JSON number read exactly as written: 10.99 stays 10.99, never a binary fraction. */
    public Optional<BigDecimal> decimal(String field) {
        return value(field).map(value -> number(field, value));
    }

    private BigDecimal number(String field, JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            throw invalid(field, "must be a number");
        }
        if (number.toString().length() > NUMBER_TEXT_MAX) {
            throw invalid(field, "a number of at most " + NUMBER_TEXT_MAX + " characters");
        }
        try {
            return number.bigDecimalValue();
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            throw invalid(field, "out of range");
        }
    }

    public BigDecimal requiredDecimal(String field) {
        return decimal(field).orElseThrow(() -> invalid(field, "is required"));
    }

    public Optional<Long> integer(String field, long min, long max) {
        return value(field).map(value -> {
            if (!(value instanceof JsonNumber)) {
                throw invalid(field, "must be a whole number");
            }
            BigDecimal exact = number(field, value);
            if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw invalid(field, "must be between " + min + " and " + max);
            }
            if (exact.stripTrailingZeros().scale() > 0) {
                throw invalid(field, "must be a whole number");
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

    /** A nested object, read with the same rules; its errors name {@code field.inner}. */
    public Optional<JsonBody> object(String field) {
        return value(field).map(value -> {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(field, "must be an object");
            }
            return new JsonBody(value.asJsonObject(), path + field + ".");
        });
    }

    public JsonBody requiredObject(String field) {
        return object(field).orElseThrow(() -> invalid(field, "is required"));
    }

    /** The objects of an array field; an absent field reads as an empty list. */
    public List<JsonBody> objects(String field) {
        return value(field).map(value -> {
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw invalid(field, "must be an array");
            }
            List<JsonBody> items = new ArrayList<>();
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    throw invalid(field + "[" + i + "]", "must be an object");
                }
                items.add(new JsonBody(array.getJsonObject(i), path + field + "[" + i + "]."));
            }
            return items;
        }).orElse(List.of());
    }

    /** A client's own JSON (an object, or with {@code arrayAllowed} an array), kept as text of bounded size. */
    public Optional<String> rawJson(String field, int maxBytes, boolean arrayAllowed) {
        return value(field).map(value -> {
            boolean object = value.getValueType() == JsonValue.ValueType.OBJECT;
            boolean array = value.getValueType() == JsonValue.ValueType.ARRAY;
            if (!object && !(arrayAllowed && array)) {
                throw invalid(field, arrayAllowed ? "must be an object or an array" : "must be an object");
            }
            String text = value.toString();
            if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
                throw invalid(field, "at most " + maxBytes + " bytes of JSON");
            }
            return text;
        });
    }

    /** An RFC 3339 date-time with its offset, such as {@code 2020-02-01T21:22:12.800Z}. */
    public Optional<Instant> instant(String field) {
        return string(field, 64).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(field, "must be an RFC 3339 date-time such as 2020-02-01T21:22:12.800Z");
            }
        });
    }

    /** A coordinate or similar measure within bounds: never an amount, which is always read by {@link #decimal}. */
    public Optional<Double> measure(String field, double min, double max) {
        return decimal(field).map(number -> {
            double value = number.doubleValue();
            if (value < min || value > max) {
                throw invalid(field, "must be between " + min + " and " + max);
            }
            return value;
        });
    }

    public double requiredMeasure(String field, double min, double max) {
        return measure(field, min, max).orElseThrow(() -> invalid(field, "is required"));
    }

    /** An id that may be absent, sent as a number or a numeric string. */
    public Optional<Long> id(String field) {
        return value(field).map(value -> requiredId(field));
    }

    /** NUL and the other C0 controls (tab and line breaks aside) belong in no field, and some databases refuse them. */
    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private Optional<JsonValue> value(String field) {
        JsonValue value = json.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty() : Optional.of(value);
    }

    private PaymentsException invalid(String field, String problem) {
        return ErrorCode.INVALID_DATA.exception(path + field + ": " + problem);
    }
}
