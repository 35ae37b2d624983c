package dev.agentsessions.web;

import dev.agentsessions.config.AgentSessionsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** A CDI bean, so that its limits come from configuration. */
@ApplicationScoped
public class MessageTextValidator implements ConstraintValidator<MessageText, String> {

    // Looked up on use: validators are built during static init, before configuration mappings exist.
    private final Instance<AgentSessionsConfig> config;

    public MessageTextValidator(Instance<AgentSessionsConfig> config) {
        this.config = config;
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        String problem = problemWith(text);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "must not be empty";
        }
        if (text.indexOf('\u0000') >= 0) {
            return "must not contain NUL characters";
        }
        int maxLength = config.get().limits().maxMessageLength();
        if (text.codePointCount(0, text.length()) > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        return null;
    }
}
