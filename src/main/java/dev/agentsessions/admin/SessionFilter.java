package dev.agentsessions.admin;

import dev.agentsessions.session.LifecycleSql;
import dev.agentsessions.session.NativeSql;
import dev.agentsessions.session.SessionStatus;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Which sessions an operator means. Every part is optional; time ranges are half-open (`*_after`
 * inclusive, `*_before` exclusive) so consecutive windows never overlap. Status is the effective one
 * (an active session idle past its timeout is inactive).
 */
record SessionFilter(
        String agentId,
        String websiteDomain,
        SessionStatus status,
        String userId,
        Instant startedAfter,
        Instant startedBefore,
        Instant activeAfter,
        Instant activeBefore,
        Instant endedBefore) {

    boolean isEmpty() {
        return agentId == null && websiteDomain == null && status == null && userId == null && startedAfter == null
                && startedBefore == null && activeAfter == null && activeBefore == null && endedBefore == null;
    }

    /** The filter as SQL conditions over `agent_sessions s JOIN agents a`, each starting with AND. */
    NativeSql conditions(LifecycleSql lifecycle) {
        NativeSql sql = new NativeSql();
        if (agentId != null) {
            sql.add(" AND s.agent_id = ?", agentId);
        }
        if (websiteDomain != null) {
            sql.add(" AND s.website_domain = ?", websiteDomain);
        }
        if (userId != null) {
            sql.add(" AND s.user_id = ?", userId);
        }
        if (status != null) {
            sql.add(" AND ").add(lifecycle.hasStatus(status));
        }
        range(sql, "s.started_at", startedAfter, startedBefore);
        range(sql, "s.last_activity_at", activeAfter, activeBefore);
        range(sql, "s.ended_at", null, endedBefore);
        return sql;
    }

    private static void range(NativeSql sql, String column, Instant from, Instant until) {
        if (from != null) {
            sql.add(" AND " + column + " >= ?", from.atOffset(ZoneOffset.UTC));
        }
        if (until != null) {
            sql.add(" AND " + column + " < ?", until.atOffset(ZoneOffset.UTC));
        }
    }
}
