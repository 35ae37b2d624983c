package dev.agentsessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    Cleanup cleanup();

    interface Cleanup {
        /** How often every replica runs cleanup (a duration such as 1h), or `off`; ignored when cron is set. */
        @WithDefault("1h")
        String every();

        /** A Quartz cron expression (e.g. `0 15 * * * ?`) used instead of every, or `off`. */
        @WithDefault("off")
        String cron();

        /** Sessions changed or deleted per transaction. */
        @WithDefault("1000")
        @Min(1)
        @Max(100_000)
        int batchSize();

        /** Each run starts after a random delay up to this, so replicas do not all start at once; 0s for none. */
        @WithDefault("5m")
        Duration jitter();
    }
}
