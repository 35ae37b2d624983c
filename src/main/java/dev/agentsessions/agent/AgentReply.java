package dev.agentsessions.agent;

import java.util.Map;

/**
 * A backend's answer: the reply text, an optional RFC 7396 merge patch for the session context, and the
 * tokens when the backend reports them (completion tokens are the reply's own; prompt tokens are what
 * sending the user message with its history cost).
 */
public record AgentReply(String content, Map<String, Object> contextPatch, Integer tokensUsed, Integer promptTokens) {

    public AgentReply(String content, Map<String, Object> contextPatch, Integer tokensUsed) {
        this(content, contextPatch, tokensUsed, null);
    }

    public static AgentReply of(String content) {
        return new AgentReply(content, Map.of(), null, null);
    }

    public AgentReply withContent(String text) {
        return new AgentReply(text, contextPatch, tokensUsed, promptTokens);
    }
}
