package dev.agentsessions.message;

import java.util.Map;

/** A message about to be appended; the database assigns its id, seq and time. */
public record NewMessage(
        MessageRole role,
        String content,
        String audioUrl,
        Integer tokensUsed,
        String clientMessageId,
        Integer replyToSeq,
        Map<String, Object> metadata) {

    public static NewMessage user(String content, String clientMessageId, Map<String, Object> metadata) {
        return new NewMessage(MessageRole.USER, content, null, null, clientMessageId, null, metadata);
    }

    public static NewMessage assistantReply(String content, Integer tokensUsed, int replyToSeq) {
        return new NewMessage(MessageRole.ASSISTANT, content, null, tokensUsed, null, replyToSeq, Map.of());
    }
}
