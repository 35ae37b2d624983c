package dev.agentsessions.agent;

import dev.agentsessions.web.ProblemException;

public class AgentNotFound extends ProblemException {

    public AgentNotFound(String agentId) {
        super(404, "agent-not-found", "Agent not found",
                agentId != null && agentId.matches(Agent.ID_PATTERN) ? "There is no agent '" + agentId + "'" : "There is no such agent",
                "agent_id");
    }
}
