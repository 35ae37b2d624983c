package dev.agentsessions.agent;

import java.util.Map;

/**
 * A backend's answer: the reply text, an optional RFC 7396 merge patch for the session context, and the
 * tokens the turn used when the backend knows them.
 */
public record AgentReply(String content, Map<String, Object> contextPatch, Integer tokensUsed) {

    public static AgentReply of(String content) {
        return new AgentReply(content, Map.of(), null);
    }
}
