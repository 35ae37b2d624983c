-- Sessions the cleanup must leave alone: live ones the load driver chats in, and inactive ones not yet
-- past retention (they sit between the live and the expired ones in the cleanup's index).
INSERT INTO agents (agent_id, name, backend) VALUES ('bench', 'Bench agent', '{"type": "builtin"}');

INSERT INTO agent_sessions (session_id, agent_id, status, message_count, started_at, last_activity_at)
SELECT 'live-' || lpad(g::text, 12, '0'), 'bench', 'active', :messages,
       now() - interval '1 hour', now() - random() * interval '5 minutes'
  FROM generate_series(1, :live) g;

INSERT INTO agent_sessions (session_id, agent_id, status, message_count, started_at, last_activity_at)
SELECT 'recent-' || lpad(g::text, 12, '0'), 'bench', 'inactive', :messages,
       now() - interval '1 day', now() - interval '1 hour' - random() * interval '20 hours'
  FROM generate_series(1, :recent) g;

INSERT INTO agent_messages (session_id, seq, role, content, created_at)
SELECT s.id, n, CASE WHEN n % 2 = 1 THEN 'user' ELSE 'assistant' END,
       'Message ' || n || ' of a conversation about an order, long enough to look like real chat text.',
       s.last_activity_at
  FROM agent_sessions s, generate_series(1, :messages) n
 WHERE s.session_id LIKE 'live-%' OR s.session_id LIKE 'recent-%';
