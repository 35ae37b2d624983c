-- Per-agent overrides of the website rate limits; a NULL column means the configured default.
CREATE TABLE agent_rate_limits (
    agent_id                     text        PRIMARY KEY REFERENCES agents (agent_id) ON DELETE CASCADE,
    ip_requests_per_minute       integer     CHECK (ip_requests_per_minute > 0),
    session_requests_per_minute  integer     CHECK (session_requests_per_minute > 0),
    new_sessions_per_ip_per_hour integer     CHECK (new_sessions_per_ip_per_hour > 0),
    updated_at                   timestamptz NOT NULL DEFAULT now()
);
