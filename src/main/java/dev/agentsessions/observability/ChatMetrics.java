package dev.agentsessions.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's own meters, named agent_sessions_*. Tags are bounded sets chosen by operators (agent,
 * backend type, role, outcome); never a session id or a website domain.
 */
@ApplicationScoped
public class ChatMetrics {

    private final MeterRegistry registry;
    private final AtomicLong lastCleanupSuccessMillis = new AtomicLong();

    public ChatMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sessionCreated(String agentId) {
        Counter.builder("agent_sessions_created")
                .description("Sessions started")
                .tag("agent", agentId)
                .register(registry).increment();
    }

    public void messageStored(String agentId, String role) {
        Counter.builder("agent_sessions_messages")
                .description("Messages stored, by role")
                .tag("agent", agentId)
                .tag("role", role)
                .register(registry).increment();
    }

    public void backendCall(String agentId, String backendType, Duration latency, boolean failed) {
        Timer.builder("agent_sessions_backend_latency")
                .description("Time the agent backend took to answer a turn")
                .tag("agent", agentId)
                .tag("backend", backendType)
                .tag("outcome", failed ? "error" : "success")
                .publishPercentileHistogram()
                .register(registry).record(latency);
    }

    public void backendError(String agentId, String backendType, String kind) {
        Counter.builder("agent_sessions_backend_errors")
                .description("Backend calls that produced no reply, by kind (failed, timeout, unavailable)")
                .tag("agent", agentId)
                .tag("backend", backendType)
                .tag("kind", kind)
                .register(registry).increment();
    }

    public void tokens(String agentId, String kind, Integer count) {
        if (count == null || count <= 0) {
            return;
        }
        Counter.builder("agent_sessions_tokens")
                .description("Tokens reported by agent backends, by kind (prompt, completion)")
                .tag("agent", agentId)
                .tag("kind", kind)
                .register(registry).increment(count);
    }

    public void rateLimited(String agentId, String limit) {
        Counter.builder("agent_sessions_rate_limited")
                .description("Requests refused with 429 by a website rate limit")
                .tag("agent", agentId)
                .tag("limit", limit)
                .register(registry).increment();
    }

    private final AtomicInteger databaseReady = new AtomicInteger();

    /**
     * What the last readiness check found: 1 when PostgreSQL answered with the migrated schema, else 0.
     * The kubelet's readiness probe keeps it fresh; the database-readiness alert watches it.
     */
    public void databaseChecked(boolean ready) {
        databaseReady.set(ready ? 1 : 0);
        Gauge.builder("agent_sessions_database_ready", databaseReady, AtomicInteger::get)
                .description("1 when the last readiness check found the database reachable and migrated")
                .register(registry);
    }

    public void cleanupMarkedInactive(long sessions) {
        cleanupCount("agent_sessions_cleanup_marked_inactive",
                "Active sessions the cleanup job marked inactive after their idle timeout", sessions);
    }

    public void cleanupDeleted(long sessions, long messages) {
        cleanupCount("agent_sessions_cleanup_deleted_sessions", "Sessions the cleanup job deleted after retention", sessions);
        cleanupCount("agent_sessions_cleanup_deleted_messages", "Messages deleted with those sessions", messages);
    }

    /** Times a cleanup run; a successful one also sets the last-success gauge (absent until the first). */
    public void cleanupRun(Duration took, boolean succeeded) {
        Timer.builder("agent_sessions_cleanup_run")
                .description("Duration of cleanup runs")
                .tag("outcome", succeeded ? "success" : "error")
                .register(registry).record(took);
        if (succeeded) {
            lastCleanupSuccessMillis.set(System.currentTimeMillis());
            Gauge.builder("agent_sessions_cleanup_last_success_timestamp_seconds", lastCleanupSuccessMillis,
                            millis -> millis.get() / 1000.0)
                    .description("When this replica last finished a cleanup run without error, in epoch seconds")
                    .register(registry);
        }
    }

    private void cleanupCount(String name, String description, long amount) {
        Counter.builder(name).description(description).register(registry).increment(amount);
    }

    private final Map<String, AtomicLong> activeByAgent = new ConcurrentHashMap<>();

    /** Sets agent_sessions_active{agent} to these counts; an agent no longer listed loses its gauge. */
    public void activeSessions(Map<String, Long> countsByAgent) {
        countsByAgent.forEach((agentId, count) -> activeByAgent.computeIfAbsent(agentId, id -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("agent_sessions_active", value, AtomicLong::get)
                    .description("Effectively active sessions, counted in the database")
                    .tag("agent", id)
                    .register(registry);
            return value;
        }).set(count));
        activeByAgent.keySet().removeIf(agentId -> {
            if (countsByAgent.containsKey(agentId)) {
                return false;
            }
            registry.find("agent_sessions_active").tag("agent", agentId).gauges().forEach(registry::remove);
            return true;
        });
    }
}
