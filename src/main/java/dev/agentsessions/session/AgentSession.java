package dev.agentsessions.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One visitor's conversation with one agent. Counters, status and context are changed only by
 * single SQL statements in {@link SessionRepository} and the message store, so concurrent turns never
 * lose an update; this entity is for reading and creating.
 */
@Entity
@Table(name = "agent_sessions")
public class AgentSession {

    @Id
    private UUID id;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "agent_id")
    private String agentId;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "website_domain")
    private String websiteDomain;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "user_agent")
    private String userAgent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "context_data")
    private Map<String, Object> contextData;

    @Column(name = "message_count")
    private int messageCount;

    @Column(name = "tokens_used")
    private long tokensUsed;

    private String status;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected AgentSession() {}

    public AgentSession(String sessionId, String agentId, SessionOrigin origin, String userId, Map<String, Object> context) {
        Instant now = Instant.now();
        this.id = UUID.randomUUID();
        this.sessionId = sessionId;
        this.agentId = agentId;
        this.userId = userId;
        this.websiteDomain = origin.websiteDomain();
        this.ipAddress = origin.ipAddress();
        this.userAgent = origin.userAgent();
        this.contextData = context;
        this.status = SessionStatus.ACTIVE.dbValue();
        this.startedAt = now;
        this.lastActivityAt = now;
    }

    public UUID id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String agentId() {
        return agentId;
    }

    public String userId() {
        return userId;
    }

    public String websiteDomain() {
        return websiteDomain;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    public Map<String, Object> context() {
        return contextData == null ? Map.of() : contextData;
    }

    public int messageCount() {
        return messageCount;
    }

    public long tokensUsed() {
        return tokensUsed;
    }

    public SessionStatus storedStatus() {
        return SessionStatus.of(status);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
