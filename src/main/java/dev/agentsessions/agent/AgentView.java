package dev.agentsessions.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agent as the operator API shows it. */
public record AgentView(
        String agentId,
        String name,
        List<String> allowedOrigins,
        Map<String, Object> backend,
        int historyWindow,
        Integer historyTokenBudget,
        Long idleTimeoutSeconds,
        Long retentionSeconds,
        boolean acceptClientSessionIds,
        Instant createdAt,
        Instant updatedAt) {

    public static AgentView from(Agent agent) {
        return new AgentView(agent.agentId(), agent.name(), agent.allowedOrigins(), agent.backend(),
                agent.historyWindow(), agent.historyTokenBudget(),
                agent.idleTimeout().map(d -> d.toSeconds()).orElse(null),
                agent.retention().map(d -> d.toSeconds()).orElse(null),
                agent.acceptClientSessionIds(), agent.createdAt(), agent.updatedAt());
    }
}
