package dev.agentsessions.analytics;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.web.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One agent's session analytics (API key required, see ApiKeyFilter). A root resource of its own: Quarkus
 * REST matches root paths first, so under AgentResource's /api/admin/agents this path would never be reached.
 */
@Path("/api/admin/agents/{agentId}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics (operator)")
@SecurityRequirement(name = "apiKey")
public class AgentStatsResource {

    private final StatsService stats;
    private final AgentSessionsConfig config;

    public AgentStatsResource(StatsService stats, AgentSessionsConfig config) {
        this.stats = stats;
        this.config = config;
    }

    @GET
    @Operation(summary = "One agent's sessions: totals by status, messages per session (average, p50, p95), messages, "
            + "tokens, top website domains and sessions started per day")
    @APIResponse(responseCode = "200", description = "The agent's stats", content = @Content(
            schema = @Schema(implementation = SessionStats.class), examples = @ExampleObject(name = "stats", value = StatsResource.STATS)))
    @APIResponse(responseCode = "401", description = "No valid API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such agent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "days is not a whole number from 1 to agent-sessions.operator.max-stats-days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad days", value = StatsResource.INVALID_DAYS)))
    public SessionStats agentStats(@PathParam("agentId") String agentId, @QueryParam("days") @Parameter(
            description = "Days of sessions_per_day, ending today (UTC); default 30") String days) {
        return stats.stats(agentId, StatsResource.days(config, days));
    }
}
