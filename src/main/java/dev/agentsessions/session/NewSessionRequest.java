package dev.agentsessions.session;

import dev.agentsessions.web.JsonObjectLimit;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Optional body of `POST /api/chat/{agentId}/sessions`. */
public record NewSessionRequest(
        @Pattern(regexp = SessionIds.CLIENT_ID_PATTERN, message = "must be 16-128 of A-Z, a-z, 0-9, _ and -")
        String sessionId,
        @Size(max = 255) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
        String userId,
        @JsonObjectLimit(JsonObjectLimit.Kind.CONTEXT) Map<String, Object> context) {

    public static final NewSessionRequest EMPTY = new NewSessionRequest(null, null, null);

    @Override
    public Map<String, Object> context() {
        return context == null ? Map.of() : context;
    }
}
