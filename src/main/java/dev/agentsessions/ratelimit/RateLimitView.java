package dev.agentsessions.ratelimit;

/** An agent's rate limits as the operator API shows them: what the agent overrides, and what is in force. */
public record RateLimitView(String agentId, RateLimitRequest overrides, RateLimits effective) {}
