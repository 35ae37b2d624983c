package dev.agentsessions.ratelimit;

import java.time.Duration;
import java.util.function.ToIntFunction;

/** The three website limits: what each counts, over which period, and what the refusal says. */
public enum LimitKind {
    IP("ip", Duration.ofMinutes(1), RateLimits::ipRequestsPerMinute,
            "Too many requests from your address"),
    SESSION("session", Duration.ofMinutes(1), RateLimits::sessionRequestsPerMinute,
            "Too many requests in this conversation"),
    NEW_SESSION("new_session", Duration.ofHours(1), RateLimits::newSessionsPerIpPerHour,
            "Too many new conversations from your address");

    private final String metricName;
    private final Duration period;
    private final ToIntFunction<RateLimits> limit;
    private final String detail;

    LimitKind(String metricName, Duration period, ToIntFunction<RateLimits> limit, String detail) {
        this.metricName = metricName;
        this.period = period;
        this.limit = limit;
        this.detail = detail;
    }

    public String metricName() {
        return metricName;
    }

    Duration period() {
        return period;
    }

    int limitIn(RateLimits limits) {
        return limit.applyAsInt(limits);
    }

    String detail() {
        return detail;
    }
}
