package dev.agentsessions.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API for agents (API key required, see ApiKeyFilter). */
@Path("/api/admin/agents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents (operator)")
@SecurityRequirement(name = "apiKey")
public class AgentResource {

    private final AgentService service;

    public AgentResource(AgentService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List all agents")
    public List<AgentView> list() {
        return service.list().stream().map(AgentView::from).toList();
    }

    @GET
    @Path("/{agentId}")
    @Operation(summary = "Get one agent (404 when unknown)")
    public AgentView get(@PathParam("agentId") String agentId) {
        return AgentView.from(service.get(agentId));
    }

    @PUT
    @Path("/{agentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create (201) or replace (200) an agent")
    public Response put(
            @PathParam("agentId") @Pattern(regexp = Agent.ID_PATTERN, message = "must be 1-64 of A-Z, a-z, 0-9, _ and -") String agentId,
            @NotNull(message = "a JSON body is required") @Valid AgentRequest body) {
        boolean created = service.put(agentId, body);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(AgentView.from(service.get(agentId)))
                .build();
    }

    @DELETE
    @Path("/{agentId}")
    @Operation(summary = "Delete an agent with all its sessions and messages (204; 404 when unknown)")
    public void delete(@PathParam("agentId") String agentId) {
        service.delete(agentId);
    }
}
