package dev.agentsessions.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentsessions.agent.Agent;
import dev.agentsessions.agent.AgentRepository;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.ratelimit.RateLimitOverridesRepository;
import dev.agentsessions.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Each agent's allowed origins and rate limits, kept per replica for agent-sessions.websites.agent-cache-ttl,
 * so a change made on any replica applies everywhere within that time without a database read per request.
 */
@ApplicationScoped
public class WebsitePolicies {

    // Enough for every live agent; unknown ids that callers make up are cached too, and evicted first.
    private static final int MAX_AGENTS = 10_000;

    private final AgentRepository agents;
    private final RateLimitOverridesRepository overrides;
    private final AgentSessionsConfig.Websites.RateLimits defaults;
    private final Cache<String, WebsitePolicy> cache;

    public WebsitePolicies(AgentRepository agents, RateLimitOverridesRepository overrides, AgentSessionsConfig config) {
        this.agents = agents;
        this.overrides = overrides;
        this.defaults = config.websites().rateLimits();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(config.websites().agentCacheTtl())
                .maximumSize(MAX_AGENTS)
                .build();
    }

    /** The policy if this replica read it lately; never touches the database, so safe on an I/O thread. */
    public Optional<WebsitePolicy> cached(String agentId) {
        return Optional.ofNullable(cache.getIfPresent(agentId));
    }

    /** The policy, read from the database when not cached. Blocking. */
    @Transactional
    public WebsitePolicy load(String agentId) {
        WebsitePolicy cached = cache.getIfPresent(agentId);
        if (cached != null) {
            return cached;
        }
        WebsitePolicy policy = agents.findAgent(agentId)
                .map(this::policyOf)
                .orElseGet(() -> new WebsitePolicy(false, List.of(), RateLimits.of(defaults, null)));
        cache.put(agentId, policy);
        return policy;
    }

    /** Forgets an agent's policy on this replica (the others follow within the cache time). */
    public void forget(String agentId) {
        cache.invalidate(agentId);
    }

    private WebsitePolicy policyOf(Agent agent) {
        return new WebsitePolicy(true, List.copyOf(agent.allowedOrigins()),
                RateLimits.of(defaults, overrides.findById(agent.agentId())));
    }
}
