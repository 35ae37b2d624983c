-- The chaos run's checks, in the database (bench/chaos-run.sh). The client's records are loaded first:
--   chaos_answered(session_id, owner, client_message_id, tag, reply_id, attempts, replica, answered_ms)
--     every turn a client saw answered: its session, the conversation that owns it ("v07-c3"), its tag
--     ("v07-c3-t5"), the id of the reply it was shown and how many attempts it took;
--   chaos_sessions(session_id, owner): every session a client started or was moved to.
-- Prints "name<TAB>count" rows; every count but the totals must be 0.
WITH tagged AS (
    SELECT m.*, s.session_id AS public_id,
           CASE WHEN m.role = 'user' THEN substring(m.content FROM '^\[(v[0-9]+-c[0-9]+-t[0-9]+)\]') END AS tag,
           CASE WHEN m.role = 'user' THEN substring(m.content FROM '^\[(v[0-9]+-c[0-9]+)-t[0-9]+\]')
                ELSE substring(m.content FROM '"\[(v[0-9]+-c[0-9]+)-t[0-9]+\]') END AS owner
      FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id),
turn AS (
    SELECT a.client_message_id, a.attempts, coalesce(g.n, 0) AS anywhere,
           count(DISTINCT u.id) AS users,
           count(DISTINCT r.id) AS replies,
           count(DISTINCT r.id) FILTER (WHERE r.id = a.reply_id::uuid) AS seen_reply
      FROM chaos_answered a
      LEFT JOIN agent_sessions s ON s.session_id = a.session_id
      LEFT JOIN agent_messages u ON u.session_id = s.id AND u.role = 'user'
            AND u.client_message_id = a.client_message_id AND left(u.content, length(a.tag) + 2) = '[' || a.tag || ']'
      LEFT JOIN agent_messages r ON r.session_id = s.id AND r.reply_to_seq = u.seq AND r.role = 'assistant'
      LEFT JOIN (SELECT client_message_id, count(*) AS n FROM agent_messages
                  WHERE role = 'user' AND client_message_id IS NOT NULL GROUP BY client_message_id) g
             ON g.client_message_id = a.client_message_id
     GROUP BY a.client_message_id, a.attempts, g.n)
SELECT 'turns_stored', count(*) FROM agent_messages WHERE role = 'user'
UNION ALL SELECT 'replies_stored', count(*) FROM agent_messages WHERE role = 'assistant'
UNION ALL SELECT 'sessions_stored', count(*) FROM agent_sessions
-- every answered turn: exactly one user message with its client_message_id and tag in its session ...
UNION ALL SELECT 'answered_missing_user', count(*) FROM turn WHERE users <> 1
-- ... exactly one assistant message replying to it ...
UNION ALL SELECT 'answered_missing_reply', count(*) FROM turn WHERE replies <> 1
-- ... and that reply is the one the client was shown.
UNION ALL SELECT 'answered_reply_mismatch', count(*) FROM turn WHERE seen_reply <> 1
-- A client_message_id stored in more than one place (another session included), for turns that were retried.
UNION ALL SELECT 'retried_turn_duplicates', count(*) FROM turn WHERE attempts > 1 AND anywhere <> 1
UNION ALL SELECT 'duplicate_user_messages', coalesce(sum(n - 1), 0)
            FROM (SELECT count(*) AS n FROM tagged WHERE role = 'user' GROUP BY session_id, tag HAVING count(*) > 1) d
UNION ALL SELECT 'duplicate_client_message_ids', coalesce(sum(n - 1), 0)
            FROM (SELECT count(*) AS n FROM agent_messages WHERE client_message_id IS NOT NULL
                   GROUP BY client_message_id HAVING count(*) > 1) d
UNION ALL SELECT 'duplicate_replies', coalesce(sum(n - 1), 0)
            FROM (SELECT count(*) AS n FROM agent_messages WHERE reply_to_seq IS NOT NULL
                   GROUP BY session_id, reply_to_seq HAVING count(*) > 1) d
-- A message (or a reply quoting a message) of another conversation than the one that owns the session.
UNION ALL SELECT 'foreign_messages', count(*)
            FROM tagged t JOIN chaos_sessions c ON c.session_id = t.public_id
           WHERE t.owner IS DISTINCT FROM c.owner AND (t.role = 'user' OR t.owner IS NOT NULL)
UNION ALL SELECT 'unknown_sessions', count(*)
            FROM agent_sessions s WHERE s.message_count > 0
             AND NOT EXISTS (SELECT 1 FROM chaos_sessions c WHERE c.session_id = s.session_id)
-- seq is 1..message_count without a gap in every session.
UNION ALL SELECT 'sessions_with_seq_gaps', count(*)
            FROM agent_sessions s
            LEFT JOIN (SELECT session_id, count(*) AS n, min(seq) AS lo, max(seq) AS hi
                         FROM agent_messages GROUP BY session_id) m ON m.session_id = s.id
           WHERE coalesce(m.n, 0) <> s.message_count
              OR (s.message_count > 0 AND (m.lo <> 1 OR m.hi <> s.message_count))
-- User messages without a reply: turns given up by their client (or still pending at the end).
UNION ALL SELECT 'unanswered_user_messages', count(*)
            FROM agent_messages u WHERE u.role = 'user'
             AND NOT EXISTS (SELECT 1 FROM agent_messages r WHERE r.session_id = u.session_id AND r.reply_to_seq = u.seq);
