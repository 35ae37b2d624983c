package dev.agentsessions.ratelimit;

import dev.agentsessions.agent.AgentNotFound;
import dev.agentsessions.agent.AgentRepository;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.web.WebsitePolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The operator's view of an agent's rate limits. */
@ApplicationScoped
public class RateLimitService {

    private final AgentRepository agents;
    private final RateLimitOverridesRepository overrides;
    private final WebsitePolicies policies;
    private final AgentSessionsConfig.Websites.RateLimits defaults;

    public RateLimitService(AgentRepository agents, RateLimitOverridesRepository overrides, WebsitePolicies policies,
            AgentSessionsConfig config) {
        this.agents = agents;
        this.overrides = overrides;
        this.policies = policies;
        this.defaults = config.websites().rateLimits();
    }

    @Transactional
    public RateLimitView get(String agentId) {
        requireAgent(agentId);
        return viewOf(agentId, overrides.findByIdOptional(agentId).orElse(null));
    }

    /** Replaces the agent's overrides; this replica applies them at once, the others within the cache time. */
    @Transactional
    public RateLimitView put(String agentId, RateLimitRequest request) {
        requireAgent(agentId);
        Optional<RateLimitOverrides> existing = overrides.findByIdOptional(agentId);
        RateLimitOverrides row = existing.orElseGet(() -> new RateLimitOverrides(agentId));
        row.apply(request);
        if (existing.isEmpty()) {
            overrides.persist(row);
        }
        policies.forget(agentId);
        return viewOf(agentId, row);
    }

    @Transactional
    public void reset(String agentId) {
        requireAgent(agentId);
        overrides.deleteById(agentId);
        policies.forget(agentId);
    }

    private void requireAgent(String agentId) {
        if (agents.findAgent(agentId).isEmpty()) {
            throw new AgentNotFound(agentId);
        }
    }

    private RateLimitView viewOf(String agentId, RateLimitOverrides row) {
        RateLimitRequest set = row == null ? RateLimitRequest.NONE
                : new RateLimitRequest(row.ipRequestsPerMinute(), row.sessionRequestsPerMinute(), row.newSessionsPerIpPerHour());
        return new RateLimitView(agentId, set, RateLimits.of(defaults, row));
    }
}
