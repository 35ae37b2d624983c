package dev.agentsessions.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.agent.AgentReply;
import dev.agentsessions.agent.BackendError;
import dev.agentsessions.config.AgentSessionsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a backend answers is checked like client input: it must be storable, and bounded. */
@ApplicationScoped
class ReplyCheck {

    private final AgentSessionsConfig config;
    private final ObjectMapper json;

    ReplyCheck(AgentSessionsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** PostgreSQL cannot store NUL characters; a backend that sends one must not lose the turn over it. */
    static String storable(String text) {
        return text == null ? "" : text.replace("\u0000", "");
    }

    AgentReply checked(AgentReply reply) {
        String content = storable(reply.content());
        if (content.isBlank()) {
            throw BackendError.failed("the backend's reply is empty");
        }
        Map<String, Object> patch = reply.contextPatch() == null ? Map.of() : reply.contextPatch();
        if (!patch.isEmpty()) {
            String patchJson = write(patch);
            if (patchJson.contains("\\u0000")
                    || patchJson.getBytes(StandardCharsets.UTF_8).length > config.limits().maxContextBytes()) {
                throw BackendError.failed("the backend's context patch is too large or holds NUL characters");
            }
        }
        return new AgentReply(content, patch, reply.tokensUsed(), reply.promptTokens());
    }

    private String write(Map<String, Object> patch) {
        try {
            return json.writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw BackendError.failed("the backend's context patch is not JSON");
        }
    }
}
