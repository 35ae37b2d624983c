-- The expired set one cleanup run must clear: mostly inactive, some ended, some still marked active
-- (the run first marks those inactive), last active between 25 hours and a week ago.
INSERT INTO agent_sessions (session_id, agent_id, status, message_count, started_at, last_activity_at, ended_at)
SELECT 'expired-' || lpad(g::text, 12, '0'), 'bench',
       CASE g % 10 WHEN 0 THEN 'ended' WHEN 1 THEN 'active' ELSE 'inactive' END, :messages,
       t - interval '20 minutes', t, CASE WHEN g % 10 = 0 THEN t END
  FROM (SELECT g, now() - interval '25 hours' - random() * interval '143 hours' AS t
          FROM generate_series(1, :expired) g) series;

INSERT INTO agent_messages (session_id, seq, role, content, created_at)
SELECT s.id, n, CASE WHEN n % 2 = 1 THEN 'user' ELSE 'assistant' END,
       'Message ' || n || ' of a conversation about an order, long enough to look like real chat text.',
       s.last_activity_at
  FROM agent_sessions s, generate_series(1, :messages) n
 WHERE s.session_id LIKE 'expired-%';
