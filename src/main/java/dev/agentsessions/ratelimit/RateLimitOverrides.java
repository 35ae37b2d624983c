package dev.agentsessions.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's own rate limits; a null value means the configured default. */
@Entity
@Table(name = "agent_rate_limits")
public class RateLimitOverrides {

    @Id
    @Column(name = "agent_id")
    private String agentId;

    @Column(name = "ip_requests_per_minute")
    private Integer ipRequestsPerMinute;

    @Column(name = "session_requests_per_minute")
    private Integer sessionRequestsPerMinute;

    @Column(name = "new_sessions_per_ip_per_hour")
    private Integer newSessionsPerIpPerHour;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected RateLimitOverrides() {}

    RateLimitOverrides(String agentId) {
        this.agentId = agentId;
    }

    /** Replaces every override at once (PUT semantics). */
    void apply(RateLimitRequest request) {
        this.ipRequestsPerMinute = request.ipRequestsPerMinute();
        this.sessionRequestsPerMinute = request.sessionRequestsPerMinute();
        this.newSessionsPerIpPerHour = request.newSessionsPerIpPerHour();
        this.updatedAt = Instant.now();
    }

    public Integer ipRequestsPerMinute() {
        return ipRequestsPerMinute;
    }

    public Integer sessionRequestsPerMinute() {
        return sessionRequestsPerMinute;
    }

    public Integer newSessionsPerIpPerHour() {
        return newSessionsPerIpPerHour;
    }
}
