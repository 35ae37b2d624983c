package dev.agentsessions.agent;

import dev.agentsessions.web.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An agent's stored backend settings (snake_case keys, as in the API), with validation of a request. */
public record BackendSettings(Map<String, Object> values) {

    public static BackendSettings of(Agent agent) {
        return new BackendSettings(agent.backend());
    }

    /**
     * The settings to store for a request, keeping only the fields the backend type uses and refusing the
     * others, so an operator learns at once that a field means nothing for that type.
     */
    public static Map<String, Object> validated(BackendRequest request, Set<String> allowedFields, Set<String> requiredFields) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("base_url", request.baseUrl());
        given.put("model", request.model());
        given.put("system_prompt", request.systemPrompt());
        given.put("temperature", request.temperature());
        given.put("max_tokens", request.maxTokens());
        given.put("api_key_env", request.apiKeyEnv());
        given.put("url", request.url());
        given.put("secret_env", request.secretEnv());
        given.put("timeout_seconds", request.timeoutSeconds());
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("type", request.type());
        for (Map.Entry<String, Object> field : given.entrySet()) {
            String name = "backend." + field.getKey();
            if (field.getValue() == null) {
                if (requiredFields.contains(field.getKey())) {
                    throw new InvalidInput(name, "is required for backend type '" + request.type() + "'");
                }
            } else if (!allowedFields.contains(field.getKey())) {
                throw new InvalidInput(name, "does not apply to backend type '" + request.type() + "'");
            } else {
                kept.put(field.getKey(), field.getValue());
            }
        }
        for (String urlField : new String[] {"base_url", "url"}) {
            if (kept.containsKey(urlField)) {
                requireHttpUrl("backend." + urlField, (String) kept.get(urlField));
            }
        }
        return kept;
    }

    private static void requireHttpUrl(String field, String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return;
            }
        } catch (Exception e) {
            // answered below
        }
        throw new InvalidInput(field, "must be an http(s) URL without credentials");
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::valueOf);
    }

    public String required(String key) {
        return text(key).orElseThrow(() -> new IllegalStateException("backend setting '" + key + "' is missing"));
    }

    public Optional<Number> number(String key) {
        return Optional.ofNullable(values.get(key)).filter(Number.class::isInstance).map(Number.class::cast);
    }

    /** The agent's own timeout_seconds, or the service-wide default. */
    public Duration timeout(Duration fallback) {
        return number("timeout_seconds").map(n -> Duration.ofSeconds(n.longValue())).orElse(fallback);
    }
}
