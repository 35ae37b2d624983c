package dev.agentsessions.web;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.Optional;

/**
 * CORS for the public endpoints, decided per agent: an origin the agent allows (any origin, when it lists
 * none) gets itself back, never `*`; any other origin gets no CORS headers at all, so the browser keeps
 * the answer from the page.
 */
public final class Cors {

    public static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
    public static final String ALLOWED_HEADERS = "Content-Type, Accept, Idempotency-Key, Last-Event-ID";
    public static final String EXPOSED_HEADERS = "Retry-After";
    private static final String NULL_ORIGIN = "null";

    private Cors() {}

    /** The Origin header to echo, or empty when this origin may not read the agent's answers. */
    public static Optional<String> allowedOrigin(WebsitePolicy policy, String rawOrigin) {
        if (rawOrigin == null || !policy.agentExists()) {
            return Optional.empty();
        }
        if (!policy.restrictsOrigins()) {
            // Sandboxed frames and file:// pages send `null`; an agent open to every website takes them too.
            return NULL_ORIGIN.equals(rawOrigin) || WebOrigin.parse(rawOrigin).isPresent()
                    ? Optional.of(rawOrigin) : Optional.empty();
        }
        return WebOrigin.parse(rawOrigin)
                .filter(origin -> policy.allowedOrigins().contains(origin.toString()))
                .map(origin -> rawOrigin);
    }

    /** Headers of an actual (non-preflight) answer. */
    public static void decorate(MultiMap headers, Optional<String> allowedOrigin) {
        headers.add("Vary", "Origin");
        allowedOrigin.ifPresent(origin -> headers
                .set("Access-Control-Allow-Origin", origin)
                .set("Access-Control-Expose-Headers", EXPOSED_HEADERS));
    }

    /** Headers of a preflight answer to an allowed origin. */
    public static void decoratePreflight(MultiMap headers, String allowedOrigin, Duration maxAge) {
        headers.add("Vary", "Origin")
                .set("Access-Control-Allow-Origin", allowedOrigin)
                .set("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .set("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .set("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
    }
}
