-- Sessions: one row per visitor conversation. The history lives in agent_messages,
-- never in an array on this row, so a chat turn costs the same at message 10 and 10,000.
CREATE TABLE agent_sessions (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id       text        NOT NULL CHECK (session_id ~ '^[A-Za-z0-9_-]{16,128}$'),
    agent_id         text        NOT NULL REFERENCES agents (agent_id) ON DELETE CASCADE,
    user_id          text        CHECK (length(user_id) <= 255),
    website_domain   text        CHECK (length(website_domain) <= 255),
    ip_address       text        CHECK (length(ip_address) <= 64),
    user_agent       text        CHECK (length(user_agent) <= 512),
    context_data     jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(context_data) = 'object'),
    message_count    integer     NOT NULL DEFAULT 0 CHECK (message_count >= 0),
    tokens_used      bigint      NOT NULL DEFAULT 0 CHECK (tokens_used >= 0),
    status           text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'ended')),
    started_at       timestamptz NOT NULL DEFAULT now(),
    last_activity_at timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    CONSTRAINT agent_sessions_session_id_key UNIQUE (session_id)
);

-- Operator listings by agent, newest activity first.
CREATE INDEX agent_sessions_agent_activity_idx ON agent_sessions (agent_id, last_activity_at DESC);
-- Lifecycle and cleanup: find idle and expired sessions in last-activity order, in bounded batches.
CREATE INDEX agent_sessions_status_activity_idx ON agent_sessions (status, last_activity_at);

-- Messages: append-only rows, numbered per session by the database.
CREATE TABLE agent_messages (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id        uuid        NOT NULL REFERENCES agent_sessions (id) ON DELETE CASCADE,
    seq               integer     NOT NULL CHECK (seq > 0),
    role              text        NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content           text        NOT NULL,
    audio_url         text        CHECK (length(audio_url) <= 2048),
    tokens_used       integer     CHECK (tokens_used >= 0),
    client_message_id text        CHECK (length(client_message_id) <= 128),
    -- For an assistant reply in a chat turn: the seq of the user message it answers.
    reply_to_seq      integer     CHECK (reply_to_seq > 0 AND reply_to_seq < seq),
    metadata          jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    created_at        timestamptz NOT NULL DEFAULT now(),
    -- The unique index doubles as the index for "the last N messages of a session" and paging by seq.
    CONSTRAINT agent_messages_session_seq_key UNIQUE (session_id, seq)
);

CREATE UNIQUE INDEX agent_messages_client_message_id_key
    ON agent_messages (session_id, client_message_id) WHERE client_message_id IS NOT NULL;
-- At most one stored reply per user message, however often a turn is retried.
CREATE UNIQUE INDEX agent_messages_reply_to_key
    ON agent_messages (session_id, reply_to_seq) WHERE reply_to_seq IS NOT NULL;

-- RFC 7396 JSON merge patch, so a context change is applied atomically in one UPDATE.
CREATE FUNCTION jsonb_merge_patch(target jsonb, patch jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result jsonb;
    key    text;
    value  jsonb;
BEGIN
    IF patch IS NULL THEN
        RETURN target;
    END IF;
    IF jsonb_typeof(patch) <> 'object' THEN
        RETURN patch;
    END IF;
    IF target IS NULL OR jsonb_typeof(target) <> 'object' THEN
        result := '{}'::jsonb;
    ELSE
        result := target;
    END IF;
    FOR key, value IN SELECT * FROM jsonb_each(patch) LOOP
        IF jsonb_typeof(value) = 'null' THEN
            result := result - key;
        ELSE
            result := jsonb_set(result, ARRAY[key], jsonb_merge_patch(result -> key, value));
        END IF;
    END LOOP;
    RETURN result;
END
$$;
