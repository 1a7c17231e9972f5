package api.pantheon.payments.edge;

import api.pantheon.payments.errors.ErrorCode;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that does not bind or does not validate answers 400 naming the field, as the wire
 * writes it ({@code to.account.id: must be a positive whole number}): the constraint's own message,
 * declared once on the body's record, or what the strict binding said.
 */
@Provider
public class BodyErrors implements ExceptionMapper<ConstraintViolationException> {

    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)' because of: ");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return ErrorEnvelope.response(ErrorCode.INVALID_DATA, message(exception.getConstraintViolations()));
    }

    /** The first violation, by field, as the error message says it: {@code amount: is required}. */
    public static String message(java.util.Set<? extends ConstraintViolation<?>> violations) {
        ConstraintViolation<?> first = violations.stream().min(Comparator.comparing(BodyErrors::field)).orElseThrow();
        String field = field(first);
        return (field.isEmpty() ? "request body" : field) + ": " + first.getMessage();
    }

    /** The path below the resource method's body parameter, as the wire names it, with list indexes. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(wireName(violation.getLeafBean(), node.getName()));
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** A component renamed on the wire ({@code @JsonbProperty}) keeps its wire name; the others are snake_case. */
    private static String wireName(Object leafBean, String property) {
        if (leafBean != null) {
            for (RecordComponent component : leafBean.getClass().isRecord() ? leafBean.getClass().getRecordComponents()
                    : new RecordComponent[0]) {
                JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                if (component.getName().equals(property) && renamed != null) {
                    return renamed.value();
                }
            }
        }
        return CAMEL.matcher(property).replaceAll("$1_$2").toLowerCase();
    }

    /**
     * What a body that did not bind answers, if this failure is one: JSON-B names the properties it
     * was in, outermost first ({@code Unable to deserialize property 'to' because of: ...}).
     */
    static Optional<Response> ofBinding(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoContentException) {
                return Optional.of(ErrorEnvelope.response(ErrorCode.INVALID_DATA, "request body: is required"));
            }
            if (cause instanceof JsonParsingException) {
                return Optional.of(ErrorEnvelope.response(ErrorCode.INVALID_DATA, "request body: malformed JSON"));
            }
            if (cause instanceof JsonbException binding) {
                return Optional.of(ErrorEnvelope.response(ErrorCode.INVALID_DATA, describe(binding.getMessage())));
            }
        }
        return Optional.empty();
    }

    private static String describe(String message) {
        StringBuilder field = new StringBuilder();
        String rest = message == null ? "" : message;
        Matcher property = PROPERTY.matcher(rest);
        while (property.lookingAt()) {
            field.append(field.length() > 0 ? "." : "").append(property.group(1));
            rest = rest.substring(property.end());
            property = PROPERTY.matcher(rest);
        }
        // Our own refusals say what is wrong; anything JSON-B itself refused is a value of the wrong type.
        boolean ours = rest.startsWith("must ") || rest.startsWith("a number") || rest.equals("out of range");
        if (field.length() > 0) {
            return field + ": " + (ours ? rest : "has the wrong type");
        }
        // JSON-B names no property when the body itself is not an object, and, for an array where an
        // object belongs, loses track of which property it was in.
        return rest.startsWith("Incorrect position") ? "request body: must be a JSON object"
                : "request body: a field has the wrong type (an array where an object belongs?)";
    }
}
