package dev.agentsessions.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.session.MessagePage;
import dev.agentsessions.session.NewSessionRequest;
import dev.agentsessions.session.SessionService;
import dev.agentsessions.session.SessionView;
import dev.agentsessions.web.ClientInfo;
import dev.agentsessions.web.QueryParams;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The website-facing API, called straight from visitors' browsers. */
@Path("/api/chat/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat (websites)")
public class ChatResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ChatService chat;
    private final SessionService sessions;
    private final AgentSessionsConfig config;
    private final ObjectMapper json;

    public ChatResource(ChatService chat, SessionService sessions, AgentSessionsConfig config, ObjectMapper json) {
        this.chat = chat;
        this.sessions = sessions;
        this.config = config;
        this.json = json;
    }

    @POST
    @Path("/message")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message and get the agent's reply; starts a session when session_id is absent or gone")
    public ChatResponse send(@PathParam("agentId") String agentId, @Context HttpServerRequest http,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid ChatRequest body) {
        return chat.send(agentId, body, idempotencyKey, ClientInfo.of(http));
    }

    @POST
    @Path("/message")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "The same turn streamed as server-sent events: session, delta..., then done (or error)")
    public void stream(@PathParam("agentId") String agentId, @Context HttpServerRequest http,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid ChatRequest body,
            @Context SseEventSink sink, @Context Sse sse) {
        chat.stream(agentId, body, idempotencyKey, ClientInfo.of(http), new SseTurnListener(sink, sse, json));
        sink.close();
    }

    @POST
    @Path("/sessions")
    @Operation(summary = "Start a new session (the widget's \"new conversation\")")
    public Response startSession(@PathParam("agentId") String agentId, @Context HttpServerRequest http,
            @Valid NewSessionRequest body) {
        SessionView session = sessions.create(agentId, ClientInfo.of(http), body == null ? NewSessionRequest.EMPTY : body);
        return Response.status(Response.Status.CREATED).entity(session).build();
    }

    @GET
    @Path("/sessions/{sessionId}/messages")
    @Operation(summary = "Page through a session's history in order (after_seq, limit)")
    public MessagePage messages(@PathParam("agentId") String agentId, @PathParam("sessionId") String sessionId,
            @QueryParam("after_seq") String afterSeq, @QueryParam("limit") String limit, @Context HttpServerRequest http) {
        int maxPage = config.limits().maxPageSize();
        return sessions.messages(agentId, sessionId, ClientInfo.of(http),
                QueryParams.intParam("after_seq", afterSeq, 0, 0, Integer.MAX_VALUE),
                QueryParams.intParam("limit", limit, Math.min(50, maxPage), 1, maxPage));
    }

    @POST
    @Path("/sessions/{sessionId}/end")
    @Operation(summary = "End a session (what the widget sends on page close); ending twice is harmless")
    public SessionView end(@PathParam("agentId") String agentId, @PathParam("sessionId") String sessionId,
            @Context HttpServerRequest http) {
        return sessions.end(agentId, sessionId, ClientInfo.of(http));
    }

    @DELETE
    @Path("/sessions/{sessionId}")
    @Operation(summary = "Erase a session and all its messages")
    public void erase(@PathParam("agentId") String agentId, @PathParam("sessionId") String sessionId,
            @Context HttpServerRequest http) {
        sessions.erase(agentId, sessionId, ClientInfo.of(http));
    }
}
