package dev.agentsessions.cleanup;

import dev.agentsessions.support.Db;
import java.time.Duration;
import java.util.List;

/** Sessions with messages, last active some time ago, made with SQL as if their visitors had left then. */
final class BackdatedSessions {

    private static final String INSERT = """
            WITH sessions AS (
                INSERT INTO agent_sessions (session_id, agent_id, status, message_count, started_at, last_activity_at, ended_at)
                SELECT 'bd' || md5(random()::text || g), ?, ?, ?,
                       now() - (? + 60) * interval '1 second',
                       now() - ? * interval '1 second',
                       CASE WHEN ? = 'ended' THEN now() - ? * interval '1 second' END
                  FROM generate_series(1, ?) g
             RETURNING id, session_id),
            messages AS (
                INSERT INTO agent_messages (session_id, seq, role, content)
                SELECT sessions.id, n, CASE WHEN n % 2 = 1 THEN 'user' ELSE 'assistant' END, 'message ' || n
                  FROM sessions, generate_series(1, ?) n)
            SELECT session_id FROM sessions""";

    private BackdatedSessions() {}

    /** {@code count} sessions of the agent with {@code messages} messages each; returns their session ids. */
    static List<String> insert(Db db, String agentId, String status, Duration idle, int count, int messages) {
        long seconds = idle.toSeconds();
        return db.column(INSERT, agentId, status, messages, seconds, seconds, status, seconds, count, messages)
                .stream().map(String.class::cast).toList();
    }

    static String insertOne(Db db, String agentId, String status, Duration idle) {
        return insert(db, agentId, status, idle, 1, 2).get(0);
    }

    static String statusOf(Db db, String sessionId) {
        return (String) db.single("SELECT status FROM agent_sessions WHERE session_id = ?", sessionId);
    }
}
