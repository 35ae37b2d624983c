package dev.agentsessions.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.config.AgentSessionsConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** A CDI bean, so that its limits come from configuration. */
@Dependent
public class JsonObjectLimitValidator implements ConstraintValidator<JsonObjectLimit, Map<String, Object>> {

    private static final int MAX_DEPTH = 8;

    // Looked up on use: validators are built during static init, before configuration mappings exist.
    private final Instance<AgentSessionsConfig> config;
    private final Instance<ObjectMapper> json;
    private JsonObjectLimit.Kind kind;

    public JsonObjectLimitValidator(Instance<AgentSessionsConfig> config, Instance<ObjectMapper> json) {
        this.config = config;
        this.json = json;
    }

    @Override
    public void initialize(JsonObjectLimit annotation) {
        kind = annotation.value();
    }

    @Override
    public boolean isValid(Map<String, Object> value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problemWith(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private String problemWith(Map<String, Object> value) {
        if (!isStorable(value, 1)) {
            return "must not contain NUL characters or nest deeper than " + MAX_DEPTH + " levels";
        }
        int maxBytes = kind == JsonObjectLimit.Kind.CONTEXT
                ? config.get().limits().maxContextBytes()
                : config.get().limits().maxMetadataBytes();
        try {
            if (json.get().writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
                return "must be at most " + maxBytes + " bytes of JSON";
            }
        } catch (JsonProcessingException e) {
            return "is not a JSON object";
        }
        return null;
    }

    private static boolean isStorable(Object node, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (node instanceof String text) {
            return text.indexOf('\u0000') < 0;
        }
        if (node instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> isStorable(String.valueOf(e.getKey()), depth)
                    && isStorable(e.getValue(), depth + 1));
        }
        if (node instanceof Collection<?> list) {
            return list.stream().allMatch(item -> isStorable(item, depth + 1));
        }
        return true;
    }
}
