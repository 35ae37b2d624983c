package dev.agentsessions.ratelimit;

import java.time.Duration;

/**
 * A token bucket holding up to `limit` tokens that refills `limit` tokens per period, so a client may
 * burst up to the limit and then continues at the limit's steady rate. Times are System.nanoTime values.
 */
final class TokenBucket {

    private final long periodNanos;
    private int limit;
    private double tokens;
    private long refilledAt;

    TokenBucket(int limit, Duration period, long now) {
        this.periodNanos = period.toNanos();
        this.limit = limit;
        this.tokens = limit;
        this.refilledAt = now;
    }

    /** Takes a token: zero when admitted, otherwise how long until the next token (nothing is taken). */
    synchronized long tryTake(int currentLimit, long now) {
        if (currentLimit != limit) {
            limit = currentLimit;
            tokens = Math.min(tokens, limit);
        }
        tokens = Math.min(limit, tokens + (now - refilledAt) * (double) limit / periodNanos);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * periodNanos / limit));
    }
}
