package dev.agentsessions.admin;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.session.LifecycleSql;
import dev.agentsessions.session.NativeSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Lists sessions by filter with keyset pagination, and deletes them by filter in bounded batches. */
@ApplicationScoped
public class SessionSearch {

    private final EntityManager entityManager;
    private final AgentSessionsConfig config;

    public SessionSearch(EntityManager entityManager, AgentSessionsConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Newest activity first. The walk continues strictly below the cursor's (last_activity_at, id), so no
     * row comes twice: activity only ever moves a session up, to where the walk has already been.
     */
    @Transactional
    public SessionPage list(SessionFilter filter, SessionCursor after, int limit) {
        LifecycleSql lifecycle = LifecycleSql.at(Instant.now(), config);
        NativeSql sql = new NativeSql()
                .add("SELECT s.id, s.session_id, s.agent_id, ").add(lifecycle.effectiveStatus())
                .add(", s.user_id, s.website_domain, s.ip_address, s.user_agent, s.message_count, s.tokens_used,"
                        + " s.started_at, s.last_activity_at, s.ended_at")
                .add(" FROM ").add(lifecycle.sessions()).add(" WHERE ").add(lifecycle.live()).add(filter.conditions(lifecycle));
        if (after != null) {
            OffsetDateTime at = after.lastActivityAt().atOffset(ZoneOffset.UTC);
            // The plain bound on last_activity_at lets the planner walk the index; the OR breaks ties by id.
            sql.add(" AND s.last_activity_at <= ? AND (s.last_activity_at < ? OR s.id < ?)", at, at, after.id());
        }
        sql.add(" ORDER BY s.last_activity_at DESC, s.id DESC LIMIT ?", limit + 1);
        List<OperatorSessionRow> rows = sql.query(entityManager, rs -> {
            List<OperatorSessionRow> read = new ArrayList<>();
            while (rs.next()) {
                read.add(new OperatorSessionRow(rs.getObject(1, UUID.class), view(rs)));
            }
            return read;
        });
        boolean hasMore = rows.size() > limit;
        List<OperatorSessionRow> page = hasMore ? rows.subList(0, limit) : rows;
        String next = hasMore ? SessionCursor.of(page.get(page.size() - 1)).encode() : null;
        return new SessionPage(page.stream().map(OperatorSessionRow::view).toList(), next, hasMore);
    }

    /**
     * Deletes every session matching the filter that had started when the request came in (so sessions
     * started meanwhile cannot keep it running), with their messages, one bounded batch per transaction.
     * Sessions past retention that cleanup has not reached yet are erased too.
     */
    public long delete(SessionFilter filter) {
        LifecycleSql lifecycle = LifecycleSql.at(Instant.now(), config);
        int batchSize = config.operator().bulkDeleteBatchSize();
        NativeSql batch = new NativeSql()
                .add("DELETE FROM agent_sessions WHERE id IN (SELECT s.id FROM ").add(lifecycle.sessions())
                .add(" WHERE s.started_at <= ?", lifecycle.now()).add(filter.conditions(lifecycle))
                .add(" ORDER BY s.last_activity_at LIMIT ? FOR UPDATE OF s)", batchSize);
        long deleted = 0;
        int last;
        // Until a batch finds nothing: one can come back short while rows remain, when rows it had to wait
        // for changed and no longer matched.
        do {
            last = QuarkusTransaction.requiringNew().call(() -> batch.update(entityManager));
            deleted += last;
        } while (last > 0);
        return deleted;
    }

    private static OperatorSessionView view(ResultSet rs) throws SQLException {
        return new OperatorSessionView(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getLong(10), null,
                instant(rs, 11), instant(rs, 12), instant(rs, 13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
