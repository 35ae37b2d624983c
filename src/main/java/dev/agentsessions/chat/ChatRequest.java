package dev.agentsessions.chat;

import dev.agentsessions.session.SessionIds;
import dev.agentsessions.web.JsonObjectLimit;
import dev.agentsessions.web.MessageText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of `POST /api/chat/{agentId}/message`. Anything else in the body (role, status, counts) is
 * refused, so a client can never set a server-owned value.
 */
public record ChatRequest(
        @MessageText String message,
        @Pattern(regexp = SessionIds.CLIENT_ID_PATTERN, message = "must be 16-128 of A-Z, a-z, 0-9, _ and -")
        String sessionId,
        @Pattern(regexp = CLIENT_MESSAGE_ID_PATTERN, message = CLIENT_MESSAGE_ID_RULE)
        String clientMessageId,
        @Size(max = 255) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
        String userId,
        @JsonObjectLimit(JsonObjectLimit.Kind.METADATA) Map<String, Object> metadata) {

    static final String CLIENT_MESSAGE_ID_PATTERN = "^[A-Za-z0-9._:-]{1,128}$";
    static final String CLIENT_MESSAGE_ID_RULE = "must be 1-128 of A-Z, a-z, 0-9, '.', '_', ':' and '-'";

    ChatRequest withClientMessageId(String id) {
        return new ChatRequest(message, sessionId, id, userId, metadata);
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata == null ? Map.of() : metadata;
    }
}
