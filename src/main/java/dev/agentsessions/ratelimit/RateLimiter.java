package dev.agentsessions.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.observability.ChatMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory token buckets per agent and address, per agent and session, and for new sessions per agent and
 * address. Each kind tracks at most agent-sessions.websites.rate-limits.max-tracked-keys keys; beyond
 * that the least recently seen are forgotten, so memory stays bounded whatever callers send. Counts are
 * per replica (see the README on several replicas).
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<LimitKind, Cache<String, TokenBucket>> buckets = new EnumMap<>(LimitKind.class);
    private final ChatMetrics metrics;

    public RateLimiter(AgentSessionsConfig config, ChatMetrics metrics) {
        this.metrics = metrics;
        int maxKeys = config.websites().rateLimits().maxTrackedKeys();
        for (LimitKind kind : LimitKind.values()) {
            // An idle bucket is full again after one period; forgetting it then changes nothing.
            buckets.put(kind, Caffeine.newBuilder()
                    .expireAfterAccess(kind.period())
                    .maximumSize(maxKeys)
                    .build());
        }
    }

    /**
     * Counts one request against the limit; empty when admitted, otherwise the refusal (nothing counted).
     * `agentId` is null for an agent that does not exist, which shares one bucket per address.
     */
    public Optional<RateLimited> check(LimitKind kind, String agentId, String key, RateLimits limits) {
        int limit = kind.limitIn(limits);
        long now = System.nanoTime();
        TokenBucket bucket = buckets.get(kind)
                .get(agentId + '|' + key, k -> new TokenBucket(limit, kind.period(), now));
        long waitNanos = bucket.tryTake(limit, now);
        if (waitNanos == 0) {
            return Optional.empty();
        }
        metrics.rateLimited(agentId == null ? "unknown" : agentId, kind.metricName());
        return Optional.of(new RateLimited(kind.detail(), Duration.ofNanos(waitNanos)));
    }

    /** Keys for addresses: an IPv6 address counts by its /64, which one subscriber usually holds whole. */
    public static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Keys tracked for one kind right now (for tests and curiosity). */
    long trackedKeys(LimitKind kind) {
        Cache<String, TokenBucket> cache = buckets.get(kind);
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
