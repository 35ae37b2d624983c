package dev.agentsessions.session;

import dev.agentsessions.agent.Agent;
import dev.agentsessions.config.AgentSessionsConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The lifecycle rules for one agent's sessions. Applied on every read, so a session is inactive or gone
 * on time whether or not the cleanup job has run yet.
 */
public record SessionPolicy(Duration idleTimeout, Duration retention) {

    public static SessionPolicy of(Agent agent, AgentSessionsConfig config) {
        return new SessionPolicy(
                agent.idleTimeout().orElse(config.sessions().idleTimeout()),
                agent.retention().orElse(config.sessions().retention()));
    }

    public SessionStatus effectiveStatus(SessionStatus stored, Instant lastActivity, Instant now) {
        if (stored == SessionStatus.ACTIVE && !now.isBefore(lastActivity.plus(idleTimeout))) {
            return SessionStatus.INACTIVE;
        }
        return stored;
    }

    /** A session past retention is treated as deleted even while its row still exists. */
    public boolean isGone(SessionStatus stored, Instant lastActivity, Instant now) {
        return effectiveStatus(stored, lastActivity, now) != SessionStatus.ACTIVE
                && !now.isBefore(lastActivity.plus(retention));
    }
}
