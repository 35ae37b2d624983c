package dev.agentsessions.session;

import dev.agentsessions.config.AgentSessionsConfig;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link SessionPolicy}'s rules as SQL, with each agent's own overrides, so operator lists, bulk deletes
 * and analytics agree with what a read of one session says. The cutoffs are worked out once per agent
 * (`a.idle_cutoff`, `a.retention_cutoff`), so each session row costs only comparisons, and conditions are
 * plain ranges on last_activity_at and equalities on status, which the planner can match to indexes.
 */
public record LifecycleSql(OffsetDateTime now, long defaultIdleSeconds, long defaultRetentionSeconds) {

    public static LifecycleSql at(Instant now, AgentSessionsConfig config) {
        return new LifecycleSql(now.atOffset(ZoneOffset.UTC), config.sessions().idleTimeout().toSeconds(),
                config.sessions().retention().toSeconds());
    }

    /**
     * Every agent with its cutoffs, as `a`. Materialized, so the planner cannot fold the arithmetic back
     * into a per-session expression.
     */
    public NativeSql agents() {
        return new NativeSql().add("""
                (WITH cutoffs AS MATERIALIZED (
                     SELECT agent_id,
                            CAST(? AS timestamptz) - coalesce(idle_timeout_seconds, ?) * interval '1 second' AS idle_cutoff,
                            CAST(? AS timestamptz) - coalesce(retention_seconds, ?) * interval '1 second' AS retention_cutoff
                       FROM agents)
                 SELECT * FROM cutoffs) a""", now, defaultIdleSeconds, now, defaultRetentionSeconds);
    }

    /** Sessions as `s` joined to their agent's cutoffs as `a`. */
    public NativeSql sessions() {
        return new NativeSql().add("agent_sessions s JOIN ").add(agents()).add(" ON a.agent_id = s.agent_id");
    }

    /** The status SessionPolicy.effectiveStatus gives: an active session idle past its timeout is inactive. */
    public NativeSql effectiveStatus() {
        return new NativeSql().add(
                "(CASE WHEN s.status = 'active' AND s.last_activity_at <= a.idle_cutoff THEN 'inactive' ELSE s.status END)");
    }

    /** Sessions whose effective status is this one. */
    public NativeSql hasStatus(SessionStatus status) {
        return new NativeSql().add(switch (status) {
            case ACTIVE -> "(s.status = 'active' AND s.last_activity_at > a.idle_cutoff)";
            case INACTIVE -> "(s.status = 'inactive' OR (s.status = 'active' AND s.last_activity_at <= a.idle_cutoff))";
            case ENDED -> "s.status = 'ended'";
        });
    }

    /**
     * Sessions SessionPolicy.isGone does not treat as deleted: effectively active, or within retention.
     * Said as "active within the longer of both windows, or anything within retention", so the first part
     * is one range on last_activity_at.
     */
    public NativeSql live() {
        return new NativeSql().add("(s.last_activity_at > least(a.idle_cutoff, a.retention_cutoff)"
                + " AND (s.status = 'active' OR s.last_activity_at > a.retention_cutoff))");
    }
}
