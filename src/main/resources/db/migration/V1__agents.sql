-- Agents: one row per chat agent that websites talk to.
CREATE TABLE agents (
    agent_id                  text        PRIMARY KEY CHECK (agent_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    name                      text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    allowed_origins           jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(allowed_origins) = 'array'),
    backend                   jsonb       NOT NULL CHECK (jsonb_typeof(backend) = 'object'),
    history_window            integer     NOT NULL DEFAULT 20 CHECK (history_window BETWEEN 1 AND 1000),
    history_token_budget      integer     CHECK (history_token_budget > 0),
    idle_timeout_seconds      bigint      CHECK (idle_timeout_seconds > 0),
    retention_seconds         bigint      CHECK (retention_seconds > 0),
    accept_client_session_ids boolean     NOT NULL DEFAULT false,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now()
);
