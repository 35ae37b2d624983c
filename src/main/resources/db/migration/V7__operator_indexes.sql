-- Indexes for the operator's session list, bulk deletes and analytics. Built CONCURRENTLY, so that
-- adding them to a live database with many sessions never blocks a chat turn's writes.

-- The session list without an agent filter: newest activity first, walked by (last_activity_at, id).
CREATE INDEX CONCURRENTLY IF NOT EXISTS agent_sessions_activity_idx
    ON agent_sessions (last_activity_at DESC, id DESC);

-- Listing and bulk deletes by website.
CREATE INDEX CONCURRENTLY IF NOT EXISTS agent_sessions_domain_activity_idx
    ON agent_sessions (website_domain, last_activity_at DESC);

-- A website user's sessions (erasure requests); only sessions that carry a user id.
CREATE INDEX CONCURRENTLY IF NOT EXISTS agent_sessions_user_activity_idx
    ON agent_sessions (user_id, last_activity_at DESC) WHERE user_id IS NOT NULL;

-- Replaces the per-agent listing index with one that also covers analytics: an agent's stats, the
-- all-agents stats and the active-sessions gauge read this index alone (index-only scans), never the
-- wider table rows with their context and user agent.
CREATE INDEX CONCURRENTLY IF NOT EXISTS agent_sessions_agent_stats_idx
    ON agent_sessions (agent_id, last_activity_at DESC)
    INCLUDE (status, message_count, tokens_used, started_at, website_domain);
DROP INDEX CONCURRENTLY IF EXISTS agent_sessions_agent_activity_idx;
