package dev.agentsessions.admin;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.web.InvalidInput;
import dev.agentsessions.web.Problem;
import dev.agentsessions.web.QueryParams;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API for sessions: find, read, end, erase, export (API key required, see ApiKeyFilter). */
@Path("/api/admin/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions (operator)")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)))
public class SessionAdminResource {

    private final SessionSearch search;
    private final SessionAdminService sessions;
    private final SessionExporter exporter;
    private final AgentSessionsConfig config;

    public SessionAdminResource(SessionSearch search, SessionAdminService sessions, SessionExporter exporter,
            AgentSessionsConfig config) {
        this.search = search;
        this.sessions = sessions;
        this.exporter = exporter;
        this.config = config;
    }

    @GET
    @Operation(summary = "List sessions by filter, newest activity first, a page at a time (keyset cursor)")
    @APIResponse(responseCode = "200", description = "A page of sessions; pass next_cursor as cursor while has_more",
            content = @Content(schema = @Schema(implementation = SessionPage.class),
                    examples = @ExampleObject(name = "page", value = ApiExamples.PAGE)))
    @APIResponse(responseCode = "422", description = "A filter, the cursor or the limit is invalid (field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad status", value = ApiExamples.INVALID_FILTER)))
    public SessionPage list(@BeanParam SessionFilterParams filter,
            @QueryParam("cursor") @Parameter(description = "next_cursor of the previous page") String cursor,
            @QueryParam("limit") @Parameter(description = "Page size, 1 to agent-sessions.limits.max-page-size (default 50)") String limit) {
        int maxPage = config.limits().maxPageSize();
        return search.list(filter.toFilter(), SessionCursor.decode(cursor),
                QueryParams.intParam("limit", limit, Math.min(50, maxPage), 1, maxPage));
    }

    @DELETE
    @Operation(summary = "Delete every session matching the filter (at least one filter), in bounded batches, with its messages")
    @APIResponse(responseCode = "200", description = "How many sessions were deleted",
            content = @Content(schema = @Schema(implementation = DeletedCount.class),
                    examples = @ExampleObject(name = "deleted", value = ApiExamples.DELETED)))
    @APIResponse(responseCode = "422", description = "No filter given, or a filter is invalid (field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad status", value = ApiExamples.INVALID_FILTER)))
    public DeletedCount deleteMatching(@BeanParam SessionFilterParams params) {
        SessionFilter filter = params.toFilter();
        if (filter.isEmpty()) {
            throw new InvalidInput("filter", "Give at least one filter, such as agent_id, website_domain or ended_before");
        }
        return new DeletedCount(search.delete(filter));
    }

    @GET
    @Path("/{sessionId}")
    @Operation(summary = "One session with its counts, context and where it came from")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(
            schema = @Schema(implementation = OperatorSessionView.class), examples = @ExampleObject(name = "session", value = ApiExamples.SESSION)))
    @APIResponse(responseCode = "404", description = "No such session, or past retention", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND)))
    public OperatorSessionView get(@PathParam("sessionId") String sessionId) {
        return sessions.get(sessionId);
    }

    @DELETE
    @Path("/{sessionId}")
    @Operation(summary = "Erase a session and every message (also one past retention that cleanup has not reached)")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND)))
    public void delete(@PathParam("sessionId") String sessionId) {
        sessions.delete(sessionId);
    }

    @POST
    @Path("/{sessionId}/end")
    @Operation(summary = "End a session; ending twice is harmless")
    @APIResponse(responseCode = "200", description = "The ended session", content = @Content(
            schema = @Schema(implementation = OperatorSessionView.class), examples = @ExampleObject(name = "session", value = ApiExamples.SESSION)))
    @APIResponse(responseCode = "404", description = "No such session, or past retention", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND)))
    public OperatorSessionView end(@PathParam("sessionId") String sessionId) {
        return sessions.end(sessionId);
    }

    @GET
    @Path("/{sessionId}/export")
    @Operation(summary = "The session, its context and every message as one JSON document, streamed as it is read")
    @APIResponse(responseCode = "200", description = "The export (chunked; a session erased mid-export breaks the body off)",
            content = @Content(schema = @Schema(implementation = Object.class), examples = @ExampleObject(name = "export", value = ApiExamples.EXPORT)))
    @APIResponse(responseCode = "404", description = "No such session, or past retention", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND)))
    public Response export(@PathParam("sessionId") String sessionId) {
        return Response.ok(exporter.export(sessionId), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"session-" + sessionId + ".json\"")
                .build();
    }

    /** The answer to a bulk delete. */
    public record DeletedCount(long deleted) {}
}
