package dev.agentsessions.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
