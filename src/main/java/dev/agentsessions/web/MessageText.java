package dev.agentsessions.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Message text: present, not blank, no NUL, at most agent-sessions.limits.max-message-length characters. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MessageTextValidator.class)
public @interface MessageText {

    String message() default "must be non-blank text without NUL characters, within the length limit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
