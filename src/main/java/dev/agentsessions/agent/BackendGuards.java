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
    private final Map<String, Guarded> byAgent = new ConcurrentHashMap<>();

    public BackendGuards(AgentSessionsConfig config) {
        this.config = config;
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

    /** How long a turn may wait for its backend, every retry included; a retry after that may take over. */
    public Duration turnDeadline(Agent agent) {
        AgentSessionsConfig.Backends backends = config.backends();
        Duration timeout = BackendSettings.of(agent).timeout(backends.timeout());
        int attempts = backends.connectRetries() + 1;
        return timeout.multipliedBy(attempts)
                .plus(backends.retryDelay().multipliedBy(backends.connectRetries()))
                .plus(backends.connectTimeout().multipliedBy(attempts));
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
