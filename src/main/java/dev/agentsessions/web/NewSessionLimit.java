package dev.agentsessions.web;

import dev.agentsessions.ratelimit.LimitKind;
import dev.agentsessions.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * New sessions per address and agent, counted where a session is really started: an explicit "new
 * conversation", a first message, or a message whose session is gone.
 */
@ApplicationScoped
public class NewSessionLimit {

    private final WebsitePolicies policies;
    private final RateLimiter limiter;

    public NewSessionLimit(WebsitePolicies policies, RateLimiter limiter) {
        this.policies = policies;
        this.limiter = limiter;
    }

    /** Throws RateLimited when this address has started too many sessions with the agent lately. */
    public void admit(String agentId, ClientInfo client) {
        WebsitePolicy policy = policies.load(agentId);
        limiter.check(LimitKind.NEW_SESSION, agentId, RateLimiter.addressKey(client.ipAddress()), policy.limits())
                .ifPresent(refusal -> {
                    throw refusal;
                });
    }
}
