package dev.agentsessions.web;

import dev.agentsessions.config.AgentSessionsConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body over the limit before it is read, with a problem document. A chunked body
 * without a length is still capped by quarkus.http.limits.max-body-size.
 */
public class BodySizeFilter {

    private final long maxBodyBytes;

    public BodySizeFilter(AgentSessionsConfig config) {
        this.maxBodyBytes = config.limits().maxBodyBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public Response limitBodySize(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            return ProblemMappers.respond(Problem.of(413, "body-too-large", "Request body too large",
                    "The request body is larger than " + maxBodyBytes + " bytes", null));
        }
        return null;
    }
}
