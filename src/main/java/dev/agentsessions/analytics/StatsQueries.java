package dev.agentsessions.analytics;

import dev.agentsessions.session.LifecycleSql;
import dev.agentsessions.session.NativeSql;
import dev.agentsessions.session.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics queries. They read agent_sessions only through the covering index
 * agent_sessions_agent_stats_idx (V7): message and token totals come from the sessions' counters, never
 * from agent_messages. Must run inside a transaction.
 */
@ApplicationScoped
class StatsQueries {

    private final EntityManager entityManager;

    StatsQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Everything the stats need in one pass over the live sessions: counts by effective status and
     * message count (with tokens), by UTC start day (from firstDay on) and by website domain (the top
     * ones). A histogram of message counts gives the percentiles without sorting every session.
     */
    StatsRows sessionStats(LifecycleSql lifecycle, String agentId, LocalDate firstDay, int topDomains) {
        NativeSql sessions = new NativeSql().add("SELECT ").add(lifecycle.effectiveStatus())
                .add(" AS status, s.message_count, s.tokens_used, CAST(s.started_at AT TIME ZONE 'UTC' AS date) AS day,"
                        + " s.website_domain FROM ").add(lifecycle.sessions()).add(" WHERE ").add(lifecycle.live());
        if (agentId != null) {
            sessions.add(" AND s.agent_id = ?", agentId);
        }
        // The planner cannot tell how few groups there are and would sort a million rows to group them;
        // memory for hashing them is what it needs, and the hash tables stay small.
        new NativeSql().add("SET LOCAL work_mem = '64MB'").update(entityManager);
        return new NativeSql().add("""
                SELECT kind, status, message_count, day, website_domain, sessions, tokens FROM (
                    SELECT CASE WHEN GROUPING(x.website_domain) = 0 THEN 'domain'
                                WHEN GROUPING(x.day) = 0 THEN 'day' ELSE 'histogram' END AS kind,
                           x.status, x.message_count, x.day, x.website_domain, count(*) AS sessions, sum(x.tokens_used) AS tokens,
                           row_number() OVER (PARTITION BY GROUPING(x.website_domain)
                                              ORDER BY x.website_domain IS NULL, count(*) DESC, x.website_domain) AS place
                      FROM (""").add(sessions).add("""
                ) x GROUP BY GROUPING SETS ((x.status, x.message_count), (x.day), (x.website_domain))) g
                 WHERE kind = 'histogram' OR (kind = 'day' AND day >= ?)
                    OR (kind = 'domain' AND website_domain IS NOT NULL AND place <= ?)""", firstDay, topDomains)
                .query(entityManager, rs -> {
                    StatsRows rows = new StatsRows(new SessionHistogram(), new LinkedHashMap<>(), new ArrayList<>());
                    while (rs.next()) {
                        switch (rs.getString(1)) {
                            case "histogram" -> rows.histogram().add(rs.getString(2), rs.getInt(3), rs.getLong(6), rs.getLong(7));
                            case "day" -> rows.startedPerDay().put(rs.getObject(4, LocalDate.class), rs.getLong(6));
                            default -> rows.topDomains().add(new SessionStats.DomainCount(rs.getString(5), rs.getLong(6)));
                        }
                    }
                    rows.topDomains().sort(Comparator.comparingLong(SessionStats.DomainCount::sessions).reversed()
                            .thenComparing(SessionStats.DomainCount::websiteDomain));
                    return rows;
                });
    }

    /**
     * Effectively active sessions of every agent, zero included. A count per agent, so each is one range
     * of the (agent_id, last_activity_at) index, however many sessions have gone quiet.
     */
    Map<String, Long> activeByAgent(LifecycleSql lifecycle) {
        return new NativeSql().add("SELECT a.agent_id, (SELECT count(*) FROM agent_sessions s WHERE s.agent_id = a.agent_id AND ")
                .add(lifecycle.hasStatus(SessionStatus.ACTIVE)).add(") FROM ").add(lifecycle.agents())
                .query(entityManager, rs -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                    return counts;
                });
    }

    /** One pass's results: the histogram, sessions started per day (days without any absent), top domains. */
    record StatsRows(SessionHistogram histogram, Map<LocalDate, Long> startedPerDay, List<SessionStats.DomainCount> topDomains) {}
}
