package dev.agentsessions.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.message.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Any server that speaks the OpenAI Chat Completions wire format (OpenAI, Azure OpenAI, vLLM, Ollama,
 * llama.cpp, LM Studio): POST {base_url}/chat/completions with the system prompt, the session context,
 * the history window and the new message.
 */
@ApplicationScoped
public class OpenAiAgent implements AgentBackend {

    public static final String TYPE = "openai";
    private static final Set<String> HISTORY_ROLES = Set.of("user", "assistant", "system");

    private final BackendHttp http;
    private final Secrets secrets;
    private final AgentSessionsConfig config;

    public OpenAiAgent(BackendHttp http, Secrets secrets, AgentSessionsConfig config) {
        this.http = http;
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> settings(BackendRequest request) {
        secrets.requireReadable("backend.api_key_env", request.apiKeyEnv());
        return BackendSettings.validated(request,
                Set.of("base_url", "model", "system_prompt", "temperature", "max_tokens", "api_key_env", "timeout_seconds"),
                Set.of("base_url", "model"));
    }

    @Override
    public AgentReply reply(AgentCall call) {
        BackendSettings settings = BackendSettings.of(call.agent());
        String answer = http.post(endpoint(settings), headers(settings), body(call, settings, false), timeout(settings));
        JsonNode root = http.parse(answer);
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw BackendError.failed("the backend's answer has no choices[0].message.content");
        }
        JsonNode usage = root.path("usage");
        return new AgentReply(content.asText(), Map.of(), intOrNull(usage, "completion_tokens"), intOrNull(usage, "prompt_tokens"));
    }

    @Override
    public AgentReply stream(AgentCall call, Consumer<String> onDelta) {
        BackendSettings settings = BackendSettings.of(call.agent());
        StringBuilder content = new StringBuilder();
        JsonNode[] usage = {null};
        http.postStreaming(endpoint(settings), headers(settings), body(call, settings, true), timeout(settings), line -> {
            if (!line.startsWith("data:")) {
                return;
            }
            String data = line.substring(5).strip();
            if (data.isEmpty() || data.equals("[DONE]")) {
                return;
            }
            JsonNode chunk = http.parse(data);
            JsonNode delta = chunk.path("choices").path(0).path("delta").path("content");
            if (delta.isTextual() && !delta.asText().isEmpty()) {
                content.append(delta.asText());
                onDelta.accept(delta.asText());
            }
            if (chunk.path("usage").isObject()) {
                usage[0] = chunk.path("usage");
            }
        });
        JsonNode finalUsage = usage[0] == null ? http.parse("{}") : usage[0];
        return new AgentReply(content.toString(), Map.of(), intOrNull(finalUsage, "completion_tokens"),
                intOrNull(finalUsage, "prompt_tokens"));
    }

    private String body(AgentCall call, BackendSettings settings, boolean stream) {
        List<Map<String, Object>> messages = new ArrayList<>();
        settings.text("system_prompt").ifPresent(prompt -> messages.add(message("system", prompt)));
        if (!call.context().isEmpty()) {
            messages.add(message("system", "Context of this conversation (JSON): " + http.toJson(call.context())));
        }
        for (MessageView earlier : call.history()) {
            if (HISTORY_ROLES.contains(earlier.role())) {
                messages.add(message(earlier.role(), earlier.content()));
            }
        }
        messages.add(message("user", call.message()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.required("model"));
        body.put("messages", messages);
        settings.number("temperature").ifPresent(t -> body.put("temperature", t));
        settings.number("max_tokens").ifPresent(m -> body.put("max_tokens", m));
        if (stream) {
            body.put("stream", true);
            body.put("stream_options", Map.of("include_usage", true));
        }
        return http.toJson(body);
    }

    private Map<String, String> headers(BackendSettings settings) {
        Optional<String> key = settings.text("api_key_env").flatMap(secrets::read).or(() -> config.backends().openaiApiKey());
        return key.map(k -> Map.of("Authorization", "Bearer " + k)).orElse(Map.of());
    }

    private static URI endpoint(BackendSettings settings) {
        String base = settings.required("base_url");
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

        private Duration timeout(BackendSettings settings) {
        return settings.timeout(config.backends().timeout());
    }

    private static Map<String, Object> message(String role, String content) {
        return Map.of("role", role, "content", content);
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToInt() && value.isNumber() ? value.asInt() : null;
    }

}
