package dev.agentsessions.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-form JSON object (metadata, context): within its configured size, at most a few levels deep,
 * and without NUL characters, which PostgreSQL's jsonb cannot store.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = JsonObjectLimitValidator.class)
public @interface JsonObjectLimit {

    Kind value();

    String message() default "is not an acceptable JSON object";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        METADATA,
        CONTEXT
    }
}
