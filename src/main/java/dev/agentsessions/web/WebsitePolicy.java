package dev.agentsessions.web;

import dev.agentsessions.ratelimit.RateLimits;
import java.util.List;

/** What the public endpoints need to know about an agent before the request reaches it. */
public record WebsitePolicy(boolean agentExists, List<String> allowedOrigins, RateLimits limits) {

    public boolean restrictsOrigins() {
        return !allowedOrigins.isEmpty();
    }
}
