package dev.agentsessions.agent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    public Optional<Agent> findAgent(String agentId) {
        if (agentId == null || !agentId.matches(Agent.ID_PATTERN)) {
            return Optional.empty();
        }
        return findByIdOptional(agentId);
    }

    public List<Agent> listAll() {
        return listAll(Sort.by("agentId"));
    }
}
