package api.pantheon.payments.edge;

import jakarta.json.JsonValue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/** A client's own JSON (metadata), kept as text: at most so many bytes of it. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxJsonBytes.Check.class)
public @interface MaxJsonBytes {

    int value();

    String message() default "at most {value} bytes of JSON";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MaxJsonBytes, JsonValue> {

        private int max;

        @Override
        public void initialize(MaxJsonBytes annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(JsonValue value, ConstraintValidatorContext context) {
            return value == null || value.toString().getBytes(StandardCharsets.UTF_8).length <= max;
        }
    }
}
