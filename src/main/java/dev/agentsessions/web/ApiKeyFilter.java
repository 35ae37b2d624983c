package dev.agentsessions.web;

import dev.agentsessions.config.AgentSessionsConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Everything under /api/admin requires `Authorization: Bearer <key>` with a configured key. */
public class ApiKeyFilter {

    private static final String ADMIN_PATH = "/api/admin";
    private static final String BEARER = "Bearer ";

    private final List<byte[]> keys;

    public ApiKeyFilter(AgentSessionsConfig config) {
        this.keys = config.admin().apiKeys().orElse(List.of()).stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Response requireApiKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals(ADMIN_PATH) || path.startsWith(ADMIN_PATH + "/"))) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && isKnown(header.substring(BEARER.length()).strip())) {
            return null;
        }
        return Response.fromResponse(ProblemMappers.respond(Problem.of(401, "unauthorized", "Unauthorized",
                        "The operator API needs a valid API key in 'Authorization: Bearer <key>'", null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agent-sessions\"")
                .build();
    }

    private boolean isKnown(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }
}
