package dev.agentsessions.session;

import dev.agentsessions.config.AgentSessionsConfig;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link SessionPolicy}'s rules as SQL over `agent_sessions s JOIN agents a`, with each agent's own
 * overrides, so operator lists, bulk deletes and analytics agree with what a read of one session says.
 */
public record LifecycleSql(OffsetDateTime now, long defaultIdleSeconds, long defaultRetentionSeconds) {

    private static final String IDLE_CUTOFF =
            "CAST(? AS timestamptz) - coalesce(a.idle_timeout_seconds, ?) * interval '1 second'";
    private static final String RETENTION_CUTOFF =
            "CAST(? AS timestamptz) - coalesce(a.retention_seconds, ?) * interval '1 second'";

    public static LifecycleSql at(Instant now, AgentSessionsConfig config) {
        return new LifecycleSql(now.atOffset(ZoneOffset.UTC), config.sessions().idleTimeout().toSeconds(),
                config.sessions().retention().toSeconds());
    }

    /** The status SessionPolicy.effectiveStatus gives: an active session idle past its timeout is inactive. */
    public NativeSql effectiveStatus() {
        return new NativeSql().add("(CASE WHEN s.status = 'active' AND s.last_activity_at <= " + IDLE_CUTOFF
                + " THEN 'inactive' ELSE s.status END)", now, defaultIdleSeconds);
    }

    /** Sessions SessionPolicy.isGone does not treat as deleted: effectively active, or within retention. */
    public NativeSql live() {
        return new NativeSql()
                .add("(s.last_activity_at > " + RETENTION_CUTOFF, now, defaultRetentionSeconds)
                .add(" OR (s.status = 'active' AND s.last_activity_at > " + IDLE_CUTOFF + "))", now, defaultIdleSeconds);
    }
}
