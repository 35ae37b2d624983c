package dev.agentsessions.analytics;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.web.Problem;
import dev.agentsessions.web.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** Operator analytics over every agent's sessions (API key required, see ApiKeyFilter). */
@Path("/api/admin/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics (operator)")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "No valid API key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "days is not a whole number from 1 to agent-sessions.operator.max-stats-days",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "bad days", value = StatsResource.INVALID_DAYS)))
public class StatsResource {

    static final String STATS = """
            {"agent_id": "support-bot", "generated_at": "2025-01-31T18:00:00Z",
             "sessions": {"total": 1520, "active": 85, "inactive": 1210, "ended": 225},
             "messages_per_session": {"average": 6.4, "p50": 4, "p95": 22},
             "messages": 9728, "tokens": 1184220,
             "top_website_domains": [{"website_domain": "shop.example.com", "sessions": 1104},
                                     {"website_domain": "blog.example.com", "sessions": 402}],
             "days": 3,
             "sessions_per_day": [{"date": "2025-01-29", "sessions": 0}, {"date": "2025-01-30", "sessions": 611},
                                  {"date": "2025-01-31", "sessions": 909}]}""";
    static final String INVALID_DAYS = """
            {"type": "urn:agent-sessions:problem:invalid-input", "title": "Invalid input", "status": 422,
             "detail": "must be a whole number from 1 to 366", "field": "days"}""";

    private final StatsService stats;
    private final AgentSessionsConfig config;

    public StatsResource(StatsService stats, AgentSessionsConfig config) {
        this.stats = stats;
        this.config = config;
    }

    @GET
    @Operation(summary = "The same stats over every agent's sessions together")
    @APIResponse(responseCode = "200", description = "The stats of all agents", content = @Content(
            schema = @Schema(implementation = SessionStats.class), examples = @ExampleObject(name = "stats", value = STATS)))
    public SessionStats allStats(@QueryParam("days") @Parameter(
            description = "Days of sessions_per_day, ending today (UTC); default 30") String days) {
        return stats.stats(null, days(config, days));
    }

    /** The days query parameter, shared with AgentStatsResource. */
    static int days(AgentSessionsConfig config, String value) {
        int maxDays = config.operator().maxStatsDays();
        return QueryParams.intParam("days", value, Math.min(30, maxDays), 1, maxDays);
    }
}
