package dev.agentsessions.cleanup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One bounded batch of cleanup work per call, each in its own short transaction.
 *
 * <p>A batch takes the oldest candidates by last activity (index {@code (status, last_activity_at)}),
 * locking them with {@code FOR UPDATE SKIP LOCKED}: replicas running at the same moment take disjoint
 * batches instead of waiting on each other, and a session a chat turn holds is left for the next run.
 * Every lock is taken in one statement in index order and held only for that statement's batch, so two
 * cleaners cannot deadlock.
 */
@ApplicationScoped
class CleanupBatches {

    /** The start of the keyset before the first batch: older than any session. */
    static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /*
     * %1$s is the agents column that overrides the service-wide limit. The LEAST(...) bound is the
     * earliest any agent's limit can be reached: it ends the index range there. The agent's own limit is
     * looked up per row rather than joined, because a join lets the planner start from agents and sort
     * every candidate on each batch; this way each batch reads about batch-size index entries in order.
     * Parameters: status, keyset start, default seconds (twice), batch size.
     */
    private static final String CANDIDATES = """
            SELECT s.id, s.last_activity_at, s.message_count
              FROM agent_sessions s
             WHERE s.status = ?
               AND s.last_activity_at >= ?
               AND s.last_activity_at <= now() - LEAST(?, (SELECT min(%1$s) FROM agents)) * interval '1 second'
               AND s.last_activity_at <= now() - COALESCE(
                       (SELECT a.%1$s FROM agents a WHERE a.agent_id = s.agent_id), ?) * interval '1 second'
             ORDER BY s.last_activity_at
             LIMIT ?
               FOR UPDATE SKIP LOCKED""";

    private static final String SUMMARY =
            " SELECT count(*), COALESCE(sum(message_count), 0), max(last_activity_at) FROM done";

    private static final String MARK_IDLE = "WITH batch AS (" + CANDIDATES.formatted("idle_timeout_seconds") + "),"
            + " done AS (UPDATE agent_sessions s SET status = 'inactive' FROM batch WHERE s.id = batch.id"
            + " RETURNING 0 AS message_count, batch.last_activity_at)" + SUMMARY;

    /*
     * Messages go by ON DELETE CASCADE. message_count is exactly the number of a session's messages (every
     * message takes the bumped count as its gap-free seq), so summing it counts them without reading them.
     */
    private static final String DELETE_EXPIRED = "WITH batch AS (" + CANDIDATES.formatted("retention_seconds") + "),"
            + " done AS (DELETE FROM agent_sessions s USING batch WHERE s.id = batch.id"
            + " RETURNING s.message_count, s.last_activity_at)" + SUMMARY;

    private final AgroalDataSource dataSource;

    CleanupBatches(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks up to {@code limit} active sessions idle for their agent's idle timeout as inactive. */
    @Transactional
    Batch markIdle(OffsetDateTime from, long defaultIdleSeconds, int limit) {
        return execute(MARK_IDLE, "active", from, defaultIdleSeconds, limit);
    }

    /** Deletes up to {@code limit} sessions of this status past their agent's retention, with their messages. */
    @Transactional
    Batch deleteExpired(String status, OffsetDateTime from, long defaultRetentionSeconds, int limit) {
        return execute(DELETE_EXPIRED, status, from, defaultRetentionSeconds, limit);
    }

    private Batch execute(String sql, String status, OffsetDateTime from, long defaultSeconds, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status);
            statement.setObject(2, from);
            statement.setLong(3, defaultSeconds);
            statement.setLong(4, defaultSeconds);
            statement.setInt(5, limit);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Batch(row.getLong(1), row.getLong(2), row.getObject(3, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cleanup batch failed: " + e.getMessage(), e);
        }
    }

    /**
     * What one batch did. {@code lastActivity} is the newest last activity it touched: the next batch
     * starts there, so candidates left behind (another agent's longer limit) are not scanned again.
     */
    record Batch(long sessions, long messages, OffsetDateTime lastActivity) {}
}
