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

    Database database();

    interface Database {
        /** Retry-After of the 503 answered while PostgreSQL cannot be reached (down, restarting, pool exhausted). */
        @WithDefault("2s")
        Duration retryAfter();
    }

    Websites websites();

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

        /**
         * Added to a turn's backend deadline (zero for the built-in agent) for storing the reply; until the
         * sum has passed, a retry of the turn is answered 409 with Retry-After instead of taking it over.
         */
        @WithDefault("10s")
        Duration turnLeaseMargin();
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

    Backends backends();

    interface Backends {
        /** Longest a backend may take for one turn (streaming included); an agent may set timeout_seconds. */
        @WithDefault("30s")
        Duration timeout();

        /** Longest to wait for a backend's TCP connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Retries after a failed connection (never after a backend answered). */
        @WithDefault("2")
        int connectRetries();

        /** Pause before each connection retry. */
        @WithDefault("200ms")
        Duration retryDelay();

        /** Secrets (API keys, webhook signing secrets) are read only from variables whose name starts with this. */
        @WithDefault("AGENT_SECRET_")
        String secretEnvPrefix();

        /** API key for `openai` agents that name no api_key_env (e.g. from a Kubernetes Secret). */
        Optional<String> openaiApiKey();

        CircuitBreaker circuitBreaker();

        interface CircuitBreaker {
            /** Calls in the rolling window that decide whether an agent's circuit opens. */
            @WithDefault("10")
            int requestVolume();

            /** Share of failed calls in that window that opens the circuit. */
            @WithDefault("0.5")
            double failureRatio();

            /** How long an open circuit refuses calls (503 with Retry-After) before trying again. */
            @WithDefault("30s")
            Duration delay();
        }
    }

    interface Websites {
        /** How long each replica keeps an agent's allowed origins and rate limits before reading them again. */
        @WithDefault("5s")
        Duration agentCacheTtl();

        /** How long a browser may reuse a CORS preflight answer (Access-Control-Max-Age). */
        @WithDefault("10m")
        Duration preflightMaxAge();

        RateLimits rateLimits();

        /** Per replica; agents may override each (PUT /api/admin/agents/{agentId}/rate-limits). */
        interface RateLimits {
            /** Requests to one agent's public endpoints from one address (IPv6: its /64) per minute. */
            @WithDefault("120")
            int ipRequestsPerMinute();

            /** Requests naming one session per minute. */
            @WithDefault("30")
            int sessionRequestsPerMinute();

            /** Sessions one address may start with one agent per hour. */
            @WithDefault("60")
            int newSessionsPerIpPerHour();

            /** Addresses and sessions tracked per limit; the least recently seen are forgotten beyond it. */
            @WithDefault("50000")
            int maxTrackedKeys();
        }
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
