package dev.agentsessions.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
}
