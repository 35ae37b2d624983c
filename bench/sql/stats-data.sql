-- Benchmark data for bench/stats-bench.sh (psql variables sessions, agents, max_messages): sessions
-- spread over the agents (a few large, many small) and 200 website domains, started over the last 30
-- days, each with 1 to max_messages messages as rows (the sessions' counters match). The agents keep
-- sessions for 40 days, so every generated session is live.
INSERT INTO agents (agent_id, name, backend, retention_seconds)
SELECT 'bench_' || lpad(i::text, 2, '0'), 'Bench agent ' || i, '{"type": "builtin"}', 40 * 86400
  FROM generate_series(0, :agents - 1) AS i;

INSERT INTO agent_sessions (session_id, agent_id, user_id, website_domain, ip_address, user_agent, context_data,
                            message_count, tokens_used, status, started_at, last_activity_at, ended_at)
SELECT md5(i::text),
       'bench_' || lpad(floor(:agents * power(random(), 2))::int::text, 2, '0'),
       CASE WHEN random() < 0.3 THEN 'user-' || floor(random() * 100000)::int END,
       'site' || floor(200 * power(random(), 3))::int || '.example.com',
       '10.0.' || floor(random() * 256)::int || '.' || floor(random() * 256)::int,
       'Mozilla/5.0 (X11; Linux x86_64) bench',
       jsonb_build_object('visitor', i, 'plan', CASE WHEN i % 3 = 0 THEN 'pro' ELSE 'free' END),
       messages, messages * 40,
       CASE WHEN kind < 0.55 THEN 'active' WHEN kind < 0.85 THEN 'inactive' ELSE 'ended' END,
       CASE WHEN recent THEN last_activity - random() * interval '20 minutes' ELSE started END,
       last_activity,
       CASE WHEN kind >= 0.85 THEN last_activity END
  FROM (SELECT i, kind, messages, started, recent,
               -- 5% were active in the last 25 minutes; the rest went quiet within 2 hours of starting.
               CASE WHEN recent THEN now() - random() * interval '25 minutes'
                    ELSE least(now(), started + random() * interval '2 hours') END AS last_activity
          FROM (SELECT i, kind, kind < 0.05 AS recent, 1 + floor(random() * :max_messages)::int AS messages,
                       now() - random() * interval '30 days' AS started
                  FROM (SELECT i, random() AS kind FROM generate_series(1, :sessions) AS i) AS numbered) AS drawn) AS timed;

INSERT INTO agent_messages (session_id, seq, role, content, tokens_used, reply_to_seq, created_at)
SELECT s.id, g, CASE WHEN g % 2 = 1 THEN 'user' ELSE 'assistant' END, 'bench message number ' || g,
       CASE WHEN g % 2 = 0 THEN 80 END, CASE WHEN g % 2 = 0 THEN g - 1 END, s.started_at
  FROM agent_sessions s CROSS JOIN LATERAL generate_series(1, s.message_count) AS g
 WHERE s.agent_id LIKE 'bench\_%';

VACUUM ANALYZE agents;
VACUUM ANALYZE agent_sessions;
VACUUM ANALYZE agent_messages;
