package dev.agentsessions.agent;

import dev.agentsessions.config.AgentSessionsConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Fault tolerance around backend calls, one circuit per agent (a failing agent must not block the
 * others): a bounded retry for connection failures only, since a backend that received the request may
 * have acted on it, and a circuit breaker that answers at once while the backend is down.
 */
@ApplicationScoped
public class BackendGuards {

    private record Guarded(Map<String, Object> settings, TypedGuard<AgentReply> guard) {}

    private final AgentSessionsConfig config;
    private final AgentBackends backends;
    private final Map<String, Guarded> byAgent = new ConcurrentHashMap<>();

    public BackendGuards(AgentSessionsConfig config, AgentBackends backends) {
        this.config = config;
        this.backends = backends;
    }

    public AgentReply call(Agent agent, Callable<AgentReply> backendCall) {
        try {
            return guardFor(agent).call(backendCall);
        } catch (CircuitBreakerOpenException e) {
            throw BackendError.unavailable(config.backends().circuitBreaker().delay());
        } catch (BackendError e) {
            throw e;
        } catch (Exception e) {
            throw BackendError.failed("the backend failed", e);
        }
    }

    /**
     * The lease of a turn: how long its backend may take, every retry included, plus
     * chat.turn-lease-margin to store the reply. A retry with the same client_message_id is refused (409)
     * until then and may take the turn over after it, e.g. when the replica answering it died.
     */
    public Duration turnDeadline(Agent agent) {
        return backendDeadline(agent).plus(config.chat().turnLeaseMargin());
    }

    private Duration backendDeadline(Agent agent) {
        if (!backends.forAgent(agent).remote()) {
            return Duration.ZERO;
        }
        AgentSessionsConfig.Backends settings = config.backends();
        Duration timeout = BackendSettings.of(agent).timeout(settings.timeout());
        int attempts = settings.connectRetries() + 1;
        return timeout.multipliedBy(attempts)
                .plus(settings.retryDelay().multipliedBy(settings.connectRetries()))
                .plus(settings.connectTimeout().multipliedBy(attempts));
    }

    /** A reconfigured agent gets a fresh circuit. */
    private TypedGuard<AgentReply> guardFor(Agent agent) {
        return byAgent.compute(agent.agentId(), (id, current) -> current != null && current.settings().equals(agent.backend())
                ? current
                : new Guarded(agent.backend(), build(id))).guard();
    }

    private TypedGuard<AgentReply> build(String agentId) {
        AgentSessionsConfig.Backends backends = config.backends();
        AgentSessionsConfig.Backends.CircuitBreaker circuit = backends.circuitBreaker();
        return TypedGuard.create(AgentReply.class)
                .withDescription("backend of agent " + agentId)
                .withRetry()
                    .maxRetries(backends.connectRetries())
                    .delay(backends.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(BackendError.ConnectionFailed.class)
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(circuit.requestVolume())
                    .failureRatio(circuit.failureRatio())
                    .delay(circuit.delay().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
    }
}
