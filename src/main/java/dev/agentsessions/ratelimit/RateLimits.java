package dev.agentsessions.ratelimit;

import dev.agentsessions.config.AgentSessionsConfig;

/** The limits in force for one agent: its overrides where it has them, the configured defaults elsewhere. */
public record RateLimits(int ipRequestsPerMinute, int sessionRequestsPerMinute, int newSessionsPerIpPerHour) {

    public static RateLimits of(AgentSessionsConfig.Websites.RateLimits defaults, RateLimitOverrides overrides) {
        if (overrides == null) {
            return new RateLimits(defaults.ipRequestsPerMinute(), defaults.sessionRequestsPerMinute(),
                    defaults.newSessionsPerIpPerHour());
        }
        return new RateLimits(
                orDefault(overrides.ipRequestsPerMinute(), defaults.ipRequestsPerMinute()),
                orDefault(overrides.sessionRequestsPerMinute(), defaults.sessionRequestsPerMinute()),
                orDefault(overrides.newSessionsPerIpPerHour(), defaults.newSessionsPerIpPerHour()));
    }

    private static int orDefault(Integer override, int defaultValue) {
        return override == null ? defaultValue : override;
    }
}
