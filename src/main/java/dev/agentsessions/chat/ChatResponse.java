package dev.agentsessions.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentsessions.message.MessageView;
import java.util.List;
import java.util.Map;

/**
 * The answer to a chat turn. `new_session` is true when this turn started the session; then
 * `replaced_session_id` names the id the client sent, if any, that is gone or ended.
 */
public record ChatResponse(
        String sessionId,
        boolean newSession,
        @JsonInclude(JsonInclude.Include.NON_NULL) String replacedSessionId,
        MessageView reply,
        int messageCount,
        Map<String, Object> context,
        List<MessageView> history,
        boolean historyTruncated) {}
