package dev.agentsessions.ratelimit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Body of `PUT /api/admin/agents/{agentId}/rate-limits`: every override at once; a missing one means the default. */
public record RateLimitRequest(
        @Min(1) @Max(1_000_000) Integer ipRequestsPerMinute,
        @Min(1) @Max(1_000_000) Integer sessionRequestsPerMinute,
        @Min(1) @Max(1_000_000) Integer newSessionsPerIpPerHour) {

    static final RateLimitRequest NONE = new RateLimitRequest(null, null, null);
}
