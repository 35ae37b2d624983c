package dev.agentsessions.agent;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.web.InvalidInput;
import dev.agentsessions.web.WebOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final AgentBackends backends;
    private final AgentSessionsConfig config;

    public AgentService(AgentRepository agents, AgentBackends backends, AgentSessionsConfig config) {
        this.agents = agents;
        this.backends = backends;
        this.config = config;
    }

    /** Creates or replaces an agent; true when it was created. */
    @Transactional
    public boolean put(String agentId, AgentRequest request) {
        AgentSettings settings = settingsOf(request);
        Optional<Agent> existing = agents.findAgent(agentId);
        Agent agent = existing.orElseGet(() -> new Agent(agentId));
        agent.apply(settings);
        if (existing.isEmpty()) {
            agents.persist(agent);
        }
        return existing.isEmpty();
    }

    @Transactional
    public Agent get(String agentId) {
        return agents.findAgent(agentId).orElseThrow(() -> new AgentNotFound(agentId));
    }

    @Transactional
    public List<Agent> list() {
        return agents.listAll();
    }

    /** Deletes the agent; its sessions and their messages go with it (ON DELETE CASCADE). */
    @Transactional
    public void delete(String agentId) {
        if (!agents.deleteById(agentId)) {
            throw new AgentNotFound(agentId);
        }
    }

    private AgentSettings settingsOf(AgentRequest request) {
        String type = request.backend().type();
        if (!backends.supports(type)) {
            throw new InvalidInput("backend.type", "Unknown backend type '" + type + "'; supported: " + backends.types());
        }
        return new AgentSettings(
                request.name().strip(),
                normaliseOrigins(request.allowedOrigins()),
                backends.forType(type).settings(request.backend()),
                Optional.ofNullable(request.historyWindow()).orElse(config.chat().defaultHistoryWindow()),
                request.historyTokenBudget(),
                Optional.ofNullable(request.idleTimeoutSeconds()).map(Duration::ofSeconds).orElse(null),
                Optional.ofNullable(request.retentionSeconds()).map(Duration::ofSeconds).orElse(null),
                Boolean.TRUE.equals(request.acceptClientSessionIds()));
    }

    private static List<String> normaliseOrigins(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            String field = "allowed_origins[" + i + "]";
            normalised.add(WebOrigin.parse(origin)
                    .orElseThrow(() -> new InvalidInput(field,
                            "'" + origin + "' is not an origin such as https://shop.example.com (scheme, host and optional port, no path)"))
                    .toString());
        }
        return new ArrayList<>(normalised);
    }
}
