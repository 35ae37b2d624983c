package dev.agentsessions.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.Optional;

/**
 * Who is calling: the Origin header (raw, as the browser sent it), the client address (X-Forwarded-For
 * is honoured only when quarkus.http.proxy.proxy-address-forwarding is on) and the user agent.
 */
public record ClientInfo(String rawOrigin, String ipAddress, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public static ClientInfo of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(request.getHeader("Origin"), remote == null ? null : remote.hostAddress(),
                userAgent == null ? null : userAgent.replace("\u0000", ""));
    }

    public Optional<WebOrigin> origin() {
        return WebOrigin.parse(rawOrigin);
    }

    /** The host of a valid origin, stored as the session's website domain. */
    public String websiteDomain() {
        return origin().map(WebOrigin::host).orElse(null);
    }
}
