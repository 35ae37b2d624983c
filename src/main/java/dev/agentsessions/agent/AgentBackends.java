package dev.agentsessions.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The backends this build offers, by their `backend.type`. */
@ApplicationScoped
public class AgentBackends {

    private final Map<String, AgentBackend> byType;

    public AgentBackends(@Any Instance<AgentBackend> backends) {
        this.byType = backends.stream().collect(Collectors.toUnmodifiableMap(AgentBackend::type, Function.identity()));
    }

    public boolean supports(String type) {
        return byType.containsKey(type);
    }

    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    public AgentBackend forType(String type) {
        AgentBackend backend = byType.get(type);
        if (backend == null) {
            throw new IllegalArgumentException("No backend of type " + type);
        }
        return backend;
    }

    public AgentBackend forAgent(Agent agent) {
        AgentBackend backend = byType.get(agent.backendType());
        if (backend == null) {
            throw new IllegalStateException("Agent " + agent.agentId() + " has an unsupported backend type");
        }
        return backend;
    }
}
