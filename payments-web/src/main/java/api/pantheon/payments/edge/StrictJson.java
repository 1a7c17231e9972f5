package api.pantheon.payments.edge;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * How request bodies bind: strictly. {@code null} reads as absent, as if the field were not sent. A string field takes only a JSON string (and no control
 * characters), an amount only a JSON number no longer than any amount anyone writes, a whole number
 * only an integral JSON number in range. JSON-B would otherwise turn {@code "10"} into an amount, or
 * build a number of a million digits. Each refusal names what is wrong; JSON-B adds the property.
 */
public final class StrictJson {

    /** Longer than any amount or id anyone writes; a number is refused by its text before it is built. */
    static final int NUMBER_TEXT_MAX = 40;

    private StrictJson() {
    }

    public static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, StrictJson::text);
        }
    }

    public static final class Decimal implements JsonbDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, StrictJson::number);
        }
    }

    public static final class Whole implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, value -> whole(number(value), Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    public static final class SmallWhole implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, value -> (int) whole(number(value), Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
    }

    public static final class Measure implements JsonbDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, value -> number(value).doubleValue());
        }
    }

    /** An id, which clients may write as a number or as a numeric string ({@code "account_id": "1002"}). */
    public static final class Id implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, StrictJson::id);
        }
    }

    /** A client's own JSON that must be an object (seed 002's request metadata). */
    public static final class ClientObject implements JsonbDeserializer<JsonObject> {
        @Override
        public JsonObject deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, value -> {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new JsonbException("must be an object");
                }
                return value.asJsonObject();
            });
        }
    }

    /** A client's own JSON that must be an object or an array (seed 002's payment metadata). */
    public static final class ClientStructure implements JsonbDeserializer<JsonValue> {
        @Override
        public JsonValue deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return unlessNull(parser, value -> {
                if (!(value instanceof JsonStructure)) {
                    throw new JsonbException("must be an object or an array");
                }
                return value;
            });
        }
    }

    /** JSON-B hands {@code null} to a deserializer too; it reads as a field not sent. */
    private static <T> T unlessNull(JsonParser parser, Function<JsonValue, T> read) {
        JsonValue value = parser.getValue();
        return value == JsonValue.NULL ? null : read.apply(value);
    }

    private static String text(JsonValue value) {
        if (!(value instanceof JsonString string)) {
            throw new JsonbException("must be a string");
        }
        String text = string.getString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // NUL and the other C0 controls (tab and line breaks aside) belong in no field; some databases refuse them.
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                throw new JsonbException("must not contain control characters");
            }
        }
        return text;
    }

    private static Long id(JsonValue value) {
        if (value instanceof JsonString string && string.getString().matches("[0-9]{1,18}")) {
            return Long.parseLong(string.getString());
        }
        if (value instanceof JsonNumber) {
            return whole(number(value), 0, Long.MAX_VALUE);
        }
        throw new JsonbException("must be a positive whole number");
    }

    private static BigDecimal number(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            throw new JsonbException("must be a number");
        }
        if (number.toString().length() > NUMBER_TEXT_MAX) {
            throw new JsonbException("a number of at most " + NUMBER_TEXT_MAX + " characters");
        }
        try {
            return number.bigDecimalValue();
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            throw new JsonbException("out of range");
        }
    }

    private static long whole(BigDecimal number, long min, long max) {
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new JsonbException("out of range");
        }
        if (number.stripTrailingZeros().scale() > 0) {
            throw new JsonbException("must be a whole number");
        }
        return number.longValueExact();
    }
}
