package dev.agentsessions.admin;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.web.InvalidInput;
import dev.agentsessions.web.JsonObjectLimit;
import dev.agentsessions.web.Problem;
import dev.agentsessions.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A session's memory for agent runtimes that run their own loop: its context (read, JSON merge patch)
 * and its messages (read a range, append in order). API key required, see ApiKeyFilter.
 */
@Path("/api/admin/sessions/{sessionId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session memory (operator, agent runtimes)")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "No valid API key", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "404", description = "No such session, or past retention", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND)))
public class SessionMemoryResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final SessionAdminService sessions;
    private final AgentSessionsConfig config;

    public SessionMemoryResource(SessionAdminService sessions, AgentSessionsConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @GET
    @Path("/context")
    @Operation(summary = "The session's context object")
    @APIResponse(responseCode = "200", description = "The context", content = @Content(
            schema = @Schema(implementation = Object.class), examples = @ExampleObject(name = "context", value = ApiExamples.CONTEXT)))
    public Map<String, Object> context(@PathParam("sessionId") String sessionId) {
        return sessions.context(sessionId);
    }

    @PATCH
    @Path("/context")
    @Consumes(MERGE_PATCH)
    @Operation(summary = "Change the context with an RFC 7396 JSON merge patch: null removes a key, objects merge, anything else replaces")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = Object.class),
            examples = @ExampleObject(name = "patch", value = ApiExamples.CONTEXT_PATCH)))
    @APIResponse(responseCode = "200", description = "The context after the patch", content = @Content(
            schema = @Schema(implementation = Object.class), examples = @ExampleObject(name = "context", value = ApiExamples.CONTEXT)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON object", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than agent-sessions.limits.max-body-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/merge-patch+json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The patch, or the context it would make, is over agent-sessions.limits.max-context-bytes, "
            + "too deep or holds NUL characters; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = ApiExamples.INVALID_CONTEXT)))
    public Map<String, Object> patchContext(@PathParam("sessionId") String sessionId,
            @NotNull(message = "a JSON object is required") @JsonObjectLimit(JsonObjectLimit.Kind.CONTEXT) Map<String, Object> context) {
        return sessions.patchContext(sessionId, context);
    }

    @GET
    @Path("/messages")
    @Operation(summary = "Messages in seq order: forward after after_seq, up to before_seq; with before_seq alone, the newest before it")
    @APIResponse(responseCode = "200", description = "A range of messages", content = @Content(
            schema = @Schema(implementation = MessageRange.class), examples = @ExampleObject(name = "messages", value = ApiExamples.MESSAGES)))
    @APIResponse(responseCode = "422", description = "after_seq, before_seq or limit is invalid (field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageRange messages(@PathParam("sessionId") String sessionId,
            @QueryParam("after_seq") @Parameter(description = "Only messages with a greater seq (default 0)") String afterSeq,
            @QueryParam("before_seq") @Parameter(description = "Only messages with a smaller seq") String beforeSeq,
            @QueryParam("limit") @Parameter(description = "1 to agent-sessions.limits.max-page-size (default 50)") String limit) {
        int maxPage = config.limits().maxPageSize();
        Integer after = afterSeq == null || afterSeq.isBlank() ? null
                : QueryParams.intParam("after_seq", afterSeq, 0, 0, Integer.MAX_VALUE);
        Integer before = beforeSeq == null || beforeSeq.isBlank() ? null
                : QueryParams.intParam("before_seq", beforeSeq, 0, 1, Integer.MAX_VALUE);
        if (after != null && before != null && before <= after) {
            throw new InvalidInput("before_seq", "must be greater than after_seq");
        }
        return sessions.messages(sessionId, after, before, QueryParams.intParam("limit", limit, Math.min(50, maxPage), 1, maxPage));
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append one or many messages (any role) in order, atomically, with the chat turn's seq guarantees")
    @RequestBody(content = @Content(schema = @Schema(implementation = AppendRequest.class),
            examples = @ExampleObject(name = "append", value = ApiExamples.APPEND)))
    @APIResponse(responseCode = "201", description = "The stored messages with their seq", content = @Content(
            schema = @Schema(implementation = AppendResult.class), examples = @ExampleObject(name = "appended", value = ApiExamples.APPENDED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session has ended", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "ended", value = ApiExamples.ENDED)))
    @APIResponse(responseCode = "413", description = "The body is larger than agent-sessions.limits.max-body-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A message is invalid (field names it, such as messages[1].role), "
            + "or there are more than agent-sessions.operator.max-append-messages; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad role", value = ApiExamples.INVALID_MESSAGE)))
    public Response append(@PathParam("sessionId") String sessionId,
            @NotNull(message = "a JSON body is required") @Valid AppendRequest body) {
        return Response.status(Response.Status.CREATED).entity(sessions.append(sessionId, body)).build();
    }
}
