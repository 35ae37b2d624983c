package dev.agentsessions.analytics;

import dev.agentsessions.session.LifecycleSql;
import dev.agentsessions.session.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics queries. Each reads only agent_sessions (and the small agents table for per-agent
 * lifecycle overrides): message and token totals come from the sessions' counters, never from a scan
 * of agent_messages. Must run inside a transaction.
 */
@ApplicationScoped
class StatsQueries {

    private final EntityManager entityManager;

    StatsQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Totals totals(LifecycleSql lifecycle, String agentId) {
        return new NativeSql().add("""
                SELECT count(*),
                       count(*) FILTER (WHERE x.status = 'active'),
                       count(*) FILTER (WHERE x.status = 'inactive'),
                       count(*) FILTER (WHERE x.status = 'ended'),
                       coalesce(avg(x.message_count), 0),
                       coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY x.message_count), 0),
                       coalesce(percentile_disc(0.95) WITHIN GROUP (ORDER BY x.message_count), 0),
                       coalesce(sum(x.message_count), 0),
                       coalesce(sum(x.tokens_used), 0)
                  FROM (SELECT """).add(lifecycle.effectiveStatus()).add(" AS status, s.message_count, s.tokens_used")
                .add(scope(lifecycle, agentId)).add(") x")
                .query(entityManager, rs -> {
                    rs.next();
                    return new Totals(
                            new SessionStats.StatusTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                            new SessionStats.MessagesPerSession(Math.round(rs.getDouble(5) * 100) / 100.0, rs.getInt(6), rs.getInt(7)),
                            rs.getLong(8), rs.getLong(9));
                });
    }

    List<SessionStats.DomainCount> topDomains(LifecycleSql lifecycle, String agentId, int limit) {
        return new NativeSql().add("SELECT s.website_domain, count(*)").add(scope(lifecycle, agentId))
                .add(" AND s.website_domain IS NOT NULL GROUP BY s.website_domain ORDER BY count(*) DESC, s.website_domain LIMIT ?", limit)
                .query(entityManager, rs -> {
                    List<SessionStats.DomainCount> domains = new ArrayList<>();
                    while (rs.next()) {
                        domains.add(new SessionStats.DomainCount(rs.getString(1), rs.getLong(2)));
                    }
                    return domains;
                });
    }

    /** Sessions started per UTC day from `since` on; days without any are absent. */
    Map<LocalDate, Long> startedPerDay(LifecycleSql lifecycle, String agentId, OffsetDateTime since) {
        return new NativeSql().add("SELECT CAST(s.started_at AT TIME ZONE 'UTC' AS date) AS day, count(*)")
                .add(scope(lifecycle, agentId)).add(" AND s.started_at >= ? GROUP BY day", since)
                .query(entityManager, rs -> {
                    Map<LocalDate, Long> days = new LinkedHashMap<>();
                    while (rs.next()) {
                        days.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                    }
                    return days;
                });
    }

    /** Effectively active sessions of every agent, zero included: per agent, a range of the (agent_id, last_activity_at) index. */
    Map<String, Long> activeByAgent(LifecycleSql lifecycle) {
        return new NativeSql().add("""
                SELECT a.agent_id, count(s.id)
                  FROM agents a LEFT JOIN agent_sessions s ON s.agent_id = a.agent_id AND s.status = 'active'
                       AND s.last_activity_at > CAST(? AS timestamptz) - coalesce(a.idle_timeout_seconds, ?) * interval '1 second'
                 GROUP BY a.agent_id""", lifecycle.now(), lifecycle.defaultIdleSeconds())
                .query(entityManager, rs -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                    return counts;
                });
    }

    private static NativeSql scope(LifecycleSql lifecycle, String agentId) {
        NativeSql sql = new NativeSql().add(" FROM agent_sessions s JOIN agents a ON a.agent_id = s.agent_id WHERE ")
                .add(lifecycle.live());
        return agentId == null ? sql : sql.add(" AND s.agent_id = ?", agentId);
    }

    /** What the totals query gives besides the per-day and per-domain counts. */
    record Totals(SessionStats.StatusTotals sessions, SessionStats.MessagesPerSession messagesPerSession, long messages, long tokens) {}
}
