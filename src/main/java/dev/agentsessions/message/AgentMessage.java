package dev.agentsessions.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One message of a session. Rows are append-only: written by {@link MessageRepository#append}, never updated. */
@Entity
@Immutable
@Table(name = "agent_messages")
public class AgentMessage {

    @Id
    private UUID id;

    @Column(name = "session_id")
    private UUID sessionId;

    private int seq;

    private String role;

    private String content;

    @Column(name = "audio_url")
    private String audioUrl;

    @Column(name = "tokens_used")
    private Integer tokensUsed;

    @Column(name = "client_message_id")
    private String clientMessageId;

    @Column(name = "reply_to_seq")
    private Integer replyToSeq;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;

    @Column(name = "reply_status")
    private String replyStatus;

    @Column(name = "created_at")
    private Instant createdAt;

    protected AgentMessage() {}

    public UUID id() {
        return id;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public int seq() {
        return seq;
    }

    public String role() {
        return role;
    }

    public String content() {
        return content;
    }

    public String audioUrl() {
        return audioUrl;
    }

    public Integer tokensUsed() {
        return tokensUsed;
    }

    public String clientMessageId() {
        return clientMessageId;
    }

    public Integer replyToSeq() {
        return replyToSeq;
    }

    public Map<String, Object> metadata() {
        return metadata == null ? Map.of() : metadata;
    }

    /** For a user message sent through the chat turn: pending, answered or failed. */
    public String replyStatus() {
        return replyStatus;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
