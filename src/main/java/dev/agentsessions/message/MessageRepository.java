package dev.agentsessions.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<AgentMessage, UUID> {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    /*
     * One statement: bump the session's counter under its row lock and insert the message with the new
     * value as its seq. Concurrent appends to one session queue on that lock, so seq is unique and
     * gap-free, and a rolled-back append leaves no gap. The same statement applies a context patch.
     */
    private static final String APPEND = """
            WITH session AS (
                UPDATE agent_sessions
                   SET message_count    = message_count + 1,
                       tokens_used      = tokens_used + COALESCE(?, 0) + COALESCE(?, 0),
                       last_activity_at = now(),
                       status           = CASE WHEN status = 'ended' THEN status ELSE 'active' END,
                       context_data     = jsonb_merge_patch(context_data, CAST(? AS jsonb))
                 WHERE id = ?
             RETURNING id, message_count, context_data),
            inserted AS (
                INSERT INTO agent_messages
                       (session_id, seq, role, content, audio_url, tokens_used, client_message_id, reply_to_seq, metadata,
                        reply_status, reply_deadline)
                SELECT session.id, session.message_count, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb),
                       CASE WHEN ? IS NULL THEN NULL ELSE 'pending' END, now() + make_interval(secs => ?)
                  FROM session
             RETURNING id, seq, created_at),
            answered AS (
                UPDATE agent_messages
                   SET reply_status = 'answered', reply_deadline = NULL, tokens_used = COALESCE(?, tokens_used)
                 WHERE session_id = (SELECT id FROM session) AND seq = ?)
            SELECT inserted.id, inserted.seq, inserted.created_at, session.message_count, session.context_data
              FROM inserted CROSS JOIN session""";

    /*
     * A retry may take over a turn unless another request is answering it right now (its lease has not run
     * out) or it was answered meanwhile; otherwise the statement reports how long that lease still runs.
     */
    private static final String CLAIM_RETRY = """
            WITH claimed AS (
                UPDATE agent_messages SET reply_status = 'pending', reply_deadline = now() + make_interval(secs => ?)
                 WHERE id = ? AND NOT (reply_status = 'pending' AND reply_deadline > now())
                   AND reply_status IS DISTINCT FROM 'answered'
             RETURNING id)
            SELECT EXISTS (SELECT 1 FROM claimed),
                   (SELECT ceil(extract(epoch FROM reply_deadline - now())) FROM agent_messages WHERE id = ?)""";

    private static final String VIEW_COLUMNS = """
            SELECT id, seq, role, content, audio_url, tokens_used, client_message_id, reply_to_seq, reply_status,
                   metadata, created_at
              FROM agent_messages""";
    private static final String BETWEEN = VIEW_COLUMNS + " WHERE session_id = ? AND seq > ? AND seq < ? ORDER BY seq LIMIT ?";
    private static final String NEWEST_BEFORE = VIEW_COLUMNS + " WHERE session_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?";

    /** A seq bound that excludes nothing: the whole history on that side. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private final ObjectMapper json;

    public MessageRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Appends a message; empty when the session no longer exists. */
    public Optional<Appended> append(UUID sessionId, NewMessage message, Map<String, Object> contextPatch) {
        return append(sessionId, message, contextPatch, TurnMarks.NONE);
    }

    /** Appends a message of a chat turn, with the turn's bookkeeping in the same statement. */
    public Optional<Appended> append(UUID sessionId, NewMessage message, Map<String, Object> contextPatch, TurnMarks marks) {
        String metadata = toJson(message.metadata() == null ? Map.of() : message.metadata());
        String patch = contextPatch == null || contextPatch.isEmpty() ? null : toJson(contextPatch);
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
                Long deadlineSeconds = marks.replyDeadline() == null ? null : marks.replyDeadline().toSeconds();
                int i = 0;
                setInteger(statement, ++i, message.tokensUsed());
                setInteger(statement, ++i, marks.answeredUserTokens());
                statement.setString(++i, patch);
                statement.setObject(++i, sessionId);
                statement.setString(++i, message.role().dbValue());
                statement.setString(++i, message.content());
                statement.setString(++i, message.audioUrl());
                setInteger(statement, ++i, message.tokensUsed());
                statement.setString(++i, message.clientMessageId());
                setInteger(statement, ++i, message.replyToSeq());
                statement.setString(++i, metadata);
                setLong(statement, ++i, deadlineSeconds);
                setLong(statement, ++i, deadlineSeconds);
                setInteger(statement, ++i, marks.answeredUserTokens());
                setInteger(statement, ++i, message.replyToSeq());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    MessageView view = new MessageView(row.getObject(1, UUID.class), row.getInt(2),
                            message.role().dbValue(), message.content(), message.audioUrl(), message.tokensUsed(),
                            message.clientMessageId(), message.replyToSeq(),
                            marks.replyDeadline() == null ? null : "pending", message.metadata(),
                            row.getObject(3, OffsetDateTime.class).toInstant());
                    return Optional.of(new Appended(view, row.getInt(4), fromJson(row.getString(5))));
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new DuplicateMessage();
                }
                throw e;
            }
        });
    }

    public Optional<AgentMessage> findByClientMessageId(UUID sessionId, String clientMessageId) {
        return find("sessionId = ?1 and clientMessageId = ?2", sessionId, clientMessageId).firstResultOptional();
    }

    public Optional<AgentMessage> findReplyTo(UUID sessionId, int userSeq) {
        return find("sessionId = ?1 and replyToSeq = ?2", sessionId, userSeq).firstResultOptional();
    }

    /** Takes over an unanswered turn for a retry, unless another request is still answering it. */
    public RetryClaim claimRetry(UUID messageId, Duration deadline) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM_RETRY)) {
                statement.setLong(1, deadline.toSeconds());
                statement.setObject(2, messageId);
                statement.setObject(3, messageId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    long left = row.getLong(2);
                    return new RetryClaim(row.getBoolean(1), Duration.ofSeconds(Math.max(1, left)));
                }
            }
        });
    }

    /** Marks a user message whose backend call failed, so a retry finishes the turn at once. */
    public void markReplyFailed(UUID sessionId, int userSeq) {
        getEntityManager().createNativeQuery("""
                        UPDATE agent_messages SET reply_status = 'failed', reply_deadline = NULL
                         WHERE session_id = :session AND seq = :seq AND reply_status = 'pending'""")
                .setParameter("session", sessionId)
                .setParameter("seq", userSeq)
                .executeUpdate();
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Messages with afterSeq < seq < beforeSeq, oldest first, at most limit of them. */
    public List<MessageView> between(UUID sessionId, int afterSeq, int beforeSeq, int limit) {
        return window(BETWEEN, sessionId, afterSeq, beforeSeq, limit);
    }

    /** The newest messages with seq below beforeSeq, oldest first, at most limit of them. */
    public List<MessageView> newestBefore(UUID sessionId, int beforeSeq, int limit) {
        List<MessageView> page = new ArrayList<>(window(NEWEST_BEFORE, sessionId, beforeSeq, limit));
        Collections.reverse(page);
        return page;
    }

    /*
     * Plain JDBC straight to views: every turn reads a window, and loading it as managed entities (query
     * plan lookup, entity initialisation, snapshots for dirty checking of rows that never change) cost more
     * CPU than the rest of the turn's reads together.
     */
    private List<MessageView> window(String sql, UUID sessionId, int... bounds) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, sessionId);
                for (int i = 0; i < bounds.length; i++) {
                    statement.setInt(i + 2, bounds[i]);
                }
                List<MessageView> views = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        views.add(new MessageView(row.getObject(1, UUID.class), row.getInt(2), row.getString(3),
                                row.getString(4), row.getString(5), row.getObject(6, Integer.class), row.getString(7),
                                row.getObject(8, Integer.class), row.getString(9), fromJson(row.getString(10)),
                                row.getObject(11, OffsetDateTime.class).toInstant()));
                    }
                }
                return views;
            }
        });
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private String toJson(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be written as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String value) {
        try {
            return json.readValue(value, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }
}
