package dev.agentsessions.web;

import dev.agentsessions.agent.Agent;

/**
 * An agent with allowed origins is called only from those origins. A request with no Origin header
 * at all is not a browser's cross-site call (a website's own server, curl) and passes; `Origin: null`
 * or any other origin is refused.
 */
public final class OriginGuard {

    private OriginGuard() {}

    public static void check(Agent agent, ClientInfo client) {
        if (!agent.restrictsOrigins() || client.rawOrigin() == null) {
            return;
        }
        boolean allowed = client.origin()
                .map(origin -> agent.allowedOrigins().contains(origin.toString()))
                .orElse(false);
        if (!allowed) {
            throw refusal();
        }
    }

    static ProblemException refusal() {
        return new ProblemException(403, "origin-not-allowed", "Origin not allowed",
                "This agent does not accept requests from this website's origin", "Origin");
    }
}
