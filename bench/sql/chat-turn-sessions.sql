-- Live sessions of the demo agent that already hold :messages messages each, for bench/load-bench.sh.
-- Public ids are :first_sid, :first_sid + 1, ... (16 digits), so pgbench can pick one with integer
-- arithmetic. Messages are inserted turn by turn across all sessions, as a busy service writes them, so
-- one session's history is spread over many pages rather than packed together.
INSERT INTO agent_sessions (session_id, agent_id, status, message_count, website_domain, started_at, last_activity_at)
SELECT (:first_sid + g)::text, 'demo', 'active', :messages, 'shop.example', now() - interval '30 minutes', now()
  FROM generate_series(0, :count - 1) g;

INSERT INTO agent_messages (session_id, seq, role, content, reply_to_seq, reply_status, created_at)
SELECT s.id, n,
       CASE WHEN n % 2 = 1 THEN 'user' ELSE 'assistant' END,
       CASE WHEN n % 2 = 1
            THEN 'Question ' || n || ': where is my order, and can I still change the delivery address?'
            ELSE 'Answer ' || n || ': your order has shipped; the address can be changed until it reaches the depot.'
       END,
       CASE WHEN n % 2 = 0 THEN n - 1 END,
       CASE WHEN n % 2 = 1 THEN 'answered' END,
       now() - interval '30 minutes' + n * interval '1 second'
  FROM generate_series(1, :messages) n
 CROSS JOIN agent_sessions s
 WHERE s.session_id IN (SELECT (:first_sid + g)::text FROM generate_series(0, :count - 1) g)
 ORDER BY n, s.id;

-- As a database in steady state: statistics current, hint bits set, and no autovacuum of the fresh rows
-- competing with the measurement.
VACUUM (ANALYZE) agent_sessions;
VACUUM (ANALYZE) agent_messages;
