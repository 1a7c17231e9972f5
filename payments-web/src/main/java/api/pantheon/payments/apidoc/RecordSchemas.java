package api.pantheon.payments.apidoc;

import api.pantheon.payments.edge.MaxJsonBytes;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schema of a request body, read from its record: each component's wire name (snake_case, as
 * JSON-B writes it, or its {@code @JsonbProperty}), its type, and its Bean Validation constraints as
 * OpenAPI limits. The declaration the server validates with is the one the document shows.
 */
final class RecordSchemas {

    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");

    private RecordSchemas() {
    }

    /** A record's schema name, as Payara names the types it meets in operations: its {@code @Schema(name)}, else its own. */
    static String nameOf(Class<?> record) {
        org.eclipse.microprofile.openapi.annotations.media.Schema named =
                record.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : record.getSimpleName();
    }

    static String wireName(String javaName) {
        Matcher camel = CAMEL.matcher(javaName);
        return camel.replaceAll("$1_$2").toLowerCase();
    }

    /** The record's schema, and the schemas of the records it holds, into {@code schemas}. */
    static void describe(Class<?> record, Map<String, Schema> schemas) {
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        schemas.put(nameOf(record), schema);
        for (RecordComponent component : record.getRecordComponents()) {
            // Constraints are not record-component annotations: Java hands them on to the field.
            Field declared = field(record, component);
            JsonbProperty renamed = declared.getAnnotation(JsonbProperty.class);
            String name = renamed != null ? renamed.value() : wireName(component.getName());
            schema.addProperty(name, property(component.getAnnotatedType(), declared, schemas));
            if (isRequired(declared)) {
                schema.addRequired(name);
            }
        }
    }

    private static Schema property(AnnotatedType type, AnnotatedElement declared, Map<String, Schema> schemas) {
        Class<?> raw = raw(type);
        Schema property = OASFactory.createSchema();
        if (raw == List.class) {
            AnnotatedType element = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments()[0];
            property.type(SchemaType.ARRAY).items(property(element, element, schemas));
        } else if (raw.isRecord()) {
            if (!schemas.containsKey(nameOf(raw))) {
                describe(raw, schemas);
            }
            return OASFactory.createSchema().ref(nameOf(raw));
        } else {
            typeOf(raw, property);
        }
        limits(declared, property);
        org.eclipse.microprofile.openapi.annotations.media.Schema documented =
                declared.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (documented != null && !documented.description().isEmpty()) {
            property.description(documented.description());
        }
        return property;
    }

    private static void typeOf(Class<?> raw, Schema property) {
        if (raw == String.class) {
            property.type(SchemaType.STRING);
        } else if (raw == BigDecimal.class) {
            // An amount: a JSON number written exactly, with no more decimals than its currency has.
            property.type(SchemaType.NUMBER);
        } else if (raw == Long.class || raw == long.class) {
            property.type(SchemaType.INTEGER).format("int64");
        } else if (raw == Integer.class || raw == int.class) {
            property.type(SchemaType.INTEGER).format("int32");
        } else if (raw == Double.class || raw == double.class) {
            property.type(SchemaType.NUMBER).format("double");
        } else if (raw == Boolean.class || raw == boolean.class) {
            property.type(SchemaType.BOOLEAN);
        } else if (raw == Instant.class) {
            property.type(SchemaType.STRING).format("date-time");
        } else if (JsonValue.class.isAssignableFrom(raw)) {
            property.type(SchemaType.OBJECT).description("The client's own JSON, kept and returned as sent");
        } else {
            throw new IllegalArgumentException("no schema for " + raw.getName() + "; add it here");
        }
    }

    private static void limits(AnnotatedElement declared, Schema property) {
        boolean text = property.getType() == SchemaType.STRING;
        Size size = declared.getAnnotation(Size.class);
        if (size != null) {
            Integer min = size.min() == 0 ? null : size.min();
            Integer max = size.max() == Integer.MAX_VALUE ? null : size.max();
            if (text) {
                property.minLength(min).maxLength(max);
            } else {
                property.minItems(min).maxItems(max);
            }
        }
        if (declared.isAnnotationPresent(NotBlank.class) || declared.isAnnotationPresent(NotEmpty.class)) {
            property.minLength(Math.max(1, property.getMinLength() == null ? 0 : property.getMinLength()));
        }
        Pattern pattern = declared.getAnnotation(Pattern.class);
        if (pattern != null) {
            property.pattern(pattern.regexp());
        }
        Min min = declared.getAnnotation(Min.class);
        if (min != null) {
            property.minimum(BigDecimal.valueOf(min.value()));
        }
        Max max = declared.getAnnotation(Max.class);
        if (max != null) {
            property.maximum(BigDecimal.valueOf(max.value()));
        }
        DecimalMin decimalMin = declared.getAnnotation(DecimalMin.class);
        if (decimalMin != null) {
            property.minimum(new BigDecimal(decimalMin.value())).exclusiveMinimum(decimalMin.inclusive() ? null : true);
        }
        DecimalMax decimalMax = declared.getAnnotation(DecimalMax.class);
        if (decimalMax != null) {
            property.maximum(new BigDecimal(decimalMax.value())).exclusiveMaximum(decimalMax.inclusive() ? null : true);
        }
        if (declared.isAnnotationPresent(Positive.class)) {
            property.minimum(BigDecimal.ZERO).exclusiveMinimum(true);
        }
        if (declared.isAnnotationPresent(PositiveOrZero.class)) {
            property.minimum(BigDecimal.ZERO);
        }
        MaxJsonBytes jsonBytes = declared.getAnnotation(MaxJsonBytes.class);
        if (jsonBytes != null) {
            property.description("The client's own JSON, at most " + jsonBytes.value() + " bytes, kept and returned as sent");
        }
    }

    private static boolean isRequired(Field declared) {
        return declared.isAnnotationPresent(NotNull.class) || declared.isAnnotationPresent(NotBlank.class)
                || declared.isAnnotationPresent(NotEmpty.class);
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException("a record has a field for each component", impossible);
        }
    }

    private static Class<?> raw(AnnotatedType type) {
        return type.getType() instanceof java.lang.reflect.ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type.getType();
    }
}
