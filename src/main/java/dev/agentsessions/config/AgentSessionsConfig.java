package dev.agentsessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the service; each key is documented in the README. */
@ConfigMapping(prefix = "agent-sessions")
public interface AgentSessionsConfig {

    Admin admin();

    DemoAgent demoAgent();

    Sessions sessions();

    Chat chat();

    Limits limits();

    interface Admin {
        /** Bearer keys accepted on /api/admin; none configured means the operator API refuses everyone. */
        Optional<List<String>> apiKeys();
    }

    interface DemoAgent {
        /** Create the built-in `demo` agent at start-up (it is left alone if it already exists). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Sessions {
        /** Without a message for this long an active session counts as inactive. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** Inactive and ended sessions are gone this long after their last activity. */
        @WithDefault("24h")
        Duration retention();
    }

    interface Chat {
        /** Most recent messages returned with a chat reply; older ones are paged through the messages endpoint. */
        @WithDefault("50")
        int responseHistoryLimit();

        /** History window of agents that do not set their own. */
        @WithDefault("20")
        int defaultHistoryWindow();
    }

    interface Limits {
        /** Longest message, in characters. */
        @WithDefault("8000")
        int maxMessageLength();

        /** Largest request body, in bytes. */
        @WithDefault("65536")
        long maxBodyBytes();

        /** Largest metadata object of a message or session, in bytes of JSON. */
        @WithDefault("4096")
        int maxMetadataBytes();

        /** Largest session context, in bytes of JSON. */
        @WithDefault("16384")
        int maxContextBytes();

        /** Largest page of messages or sessions. */
        @WithDefault("200")
        int maxPageSize();
    }

    Operator operator();

    interface Operator {
        /** How often each replica recounts active sessions per agent for the agent_sessions_active gauge. */
        @WithDefault("30s")
        Duration activeGaugeEvery();

        /** Most messages one append request of the operator API may carry. */
        @WithDefault("100")
        int maxAppendMessages();

        /** Sessions deleted per transaction by a bulk delete. */
        @WithDefault("1000")
        int bulkDeleteBatchSize();

        /** Longest window, in days, of the sessions-per-day analytics. */
        @WithDefault("366")
        int maxStatsDays();
    }
}
