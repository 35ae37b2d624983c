package dev.agentsessions.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A message as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(
        UUID id,
        int seq,
        String role,
        String content,
        String audioUrl,
        Integer tokensUsed,
        String clientMessageId,
        Integer replyToSeq,
        String replyStatus,
        Map<String, Object> metadata,
        Instant createdAt) {

    public static MessageView from(AgentMessage message) {
        return new MessageView(message.id(), message.seq(), message.role(), message.content(), message.audioUrl(),
                message.tokensUsed(), message.clientMessageId(), message.replyToSeq(), message.replyStatus(), message.metadata(), message.createdAt());
    }

    /** This user message as it reads once {@code reply} answers it. */
    public MessageView answeredBy(MessageView reply) {
        if (reply.replyToSeq() == null || reply.replyToSeq() != seq || !"pending".equals(replyStatus)) {
            return this;
        }
        return new MessageView(id, seq, role, content, audioUrl, tokensUsed, clientMessageId, replyToSeq, "answered",
                metadata, createdAt);
    }
}
