package dev.agentsessions.agent;

import dev.agentsessions.message.MessageView;
import java.util.List;
import java.util.Map;

/**
 * What a backend gets for one turn: the new user message, the window of history before it (oldest
 * first, the new message excluded), how many messages the session holds with the new one, and the
 * session context.
 */
public record AgentCall(
        Agent agent,
        String sessionId,
        String message,
        List<MessageView> history,
        int messageCount,
        Map<String, Object> context,
        Map<String, Object> metadata) {}
