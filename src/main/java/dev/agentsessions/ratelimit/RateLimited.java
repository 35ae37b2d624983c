package dev.agentsessions.ratelimit;

import dev.agentsessions.web.ProblemException;
import java.time.Duration;

/** A request over a rate limit: `429` with `Retry-After` (whole seconds, at least 1); nothing of it is stored. */
public class RateLimited extends ProblemException {

    public RateLimited(String reason, Duration retryAfter) {
        this(reason, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private RateLimited(String reason, long retryAfterSeconds) {
        super(429, "rate-limited", "Too many requests", reason + "; retry after " + retryAfterSeconds + " s", null);
        retryAfter(retryAfterSeconds);
    }
}
