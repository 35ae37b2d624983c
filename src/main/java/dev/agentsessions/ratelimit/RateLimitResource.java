package dev.agentsessions.ratelimit;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API for an agent's own website rate limits (API key required, see ApiKeyFilter). */
@Path("/api/admin/agents/{agentId}/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents (operator)")
@SecurityRequirement(name = "apiKey")
public class RateLimitResource {

    private final RateLimitService service;

    public RateLimitResource(RateLimitService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The agent's rate-limit overrides and the limits in force")
    public RateLimitView get(@PathParam("agentId") String agentId) {
        return service.get(agentId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the agent's rate-limit overrides; a missing value means the configured default")
    public RateLimitView put(@PathParam("agentId") String agentId, @Valid RateLimitRequest body) {
        return service.put(agentId, body == null ? RateLimitRequest.NONE : body);
    }

    @DELETE
    @Operation(summary = "Drop the agent's overrides: the configured defaults apply (204)")
    public void reset(@PathParam("agentId") String agentId) {
        service.reset(agentId);
    }
}
