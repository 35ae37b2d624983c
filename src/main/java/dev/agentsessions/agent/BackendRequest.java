package dev.agentsessions.agent;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An agent's backend as the operator sends it. Which fields apply depends on `type`: `builtin` takes
 * none; `openai` takes base_url, model, system_prompt, temperature, max_tokens, api_key_env; `webhook`
 * takes url and secret_env; both take timeout_seconds. Secrets are never sent: only the name of the
 * variable that holds them.
 */
public record BackendRequest(
        @NotBlank @Size(max = 32) String type,
        @Size(max = 2048) String baseUrl,
        @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String model,
        @Size(max = 20_000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String systemPrompt,
        @DecimalMin("0") @DecimalMax("2") Double temperature,
        @Min(1) @Max(1_000_000) Integer maxTokens,
        @Pattern(regexp = ENV_NAME, message = "must be an environment variable name (A-Z, 0-9, _)") String apiKeyEnv,
        @Size(max = 2048) String url,
        @Pattern(regexp = ENV_NAME, message = "must be an environment variable name (A-Z, 0-9, _)") String secretEnv,
        @Min(1) @Max(600) Integer timeoutSeconds) {

    static final String ENV_NAME = "^[A-Z][A-Z0-9_]{0,127}$";

    public static BackendRequest builtin() {
        return new BackendRequest(BuiltinAgent.TYPE, null, null, null, null, null, null, null, null, null);
    }
}
