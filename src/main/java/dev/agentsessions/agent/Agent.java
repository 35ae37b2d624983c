package dev.agentsessions.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A chat agent that websites talk to; its backend settings never hold a secret in clear. */
@Entity
@Table(name = "agents")
public class Agent {

    public static final String ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";

    @Id
    @Column(name = "agent_id")
    private String agentId;

    private String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_origins")
    private List<String> allowedOrigins;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> backend;

    @Column(name = "history_window")
    private int historyWindow;

    @Column(name = "history_token_budget")
    private Integer historyTokenBudget;

    @Column(name = "idle_timeout_seconds")
    private Long idleTimeoutSeconds;

    @Column(name = "retention_seconds")
    private Long retentionSeconds;

    @Column(name = "accept_client_session_ids")
    private boolean acceptClientSessionIds;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Agent() {}

    public Agent(String agentId) {
        this.agentId = agentId;
    }

    /** Replaces every operator-settable value at once (PUT semantics). */
    public void apply(AgentSettings settings) {
        this.name = settings.name();
        this.allowedOrigins = List.copyOf(settings.allowedOrigins());
        this.backend = Map.copyOf(settings.backend());
        this.historyWindow = settings.historyWindow();
        this.historyTokenBudget = settings.historyTokenBudget();
        this.idleTimeoutSeconds = settings.idleTimeout() == null ? null : settings.idleTimeout().toSeconds();
        this.retentionSeconds = settings.retention() == null ? null : settings.retention().toSeconds();
        this.acceptClientSessionIds = settings.acceptClientSessionIds();
        this.updatedAt = Instant.now();
    }

    public String agentId() {
        return agentId;
    }

    public String name() {
        return name;
    }

    public List<String> allowedOrigins() {
        return allowedOrigins == null ? List.of() : allowedOrigins;
    }

    public boolean restrictsOrigins() {
        return !allowedOrigins().isEmpty();
    }

    public Map<String, Object> backend() {
        return backend == null ? Map.of() : backend;
    }

    public String backendType() {
        return String.valueOf(backend().get("type"));
    }

    public int historyWindow() {
        return historyWindow;
    }

    public Integer historyTokenBudget() {
        return historyTokenBudget;
    }

    public Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeoutSeconds).map(Duration::ofSeconds);
    }

    public Optional<Duration> retention() {
        return Optional.ofNullable(retentionSeconds).map(Duration::ofSeconds);
    }

    public boolean acceptClientSessionIds() {
        return acceptClientSessionIds;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
