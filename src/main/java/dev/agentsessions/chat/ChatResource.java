package dev.agentsessions.chat;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.session.MessagePage;
import dev.agentsessions.session.NewSessionRequest;
import dev.agentsessions.session.SessionService;
import dev.agentsessions.session.SessionView;
import dev.agentsessions.web.ClientInfo;
import dev.agentsessions.web.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The website-facing API, called straight from visitors' browsers. */
@Path("/api/chat/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chat (websites)")
public class ChatResource {

    private final ChatService chat;
    private final SessionService sessions;
    private final AgentSessionsConfig config;

    public ChatResource(ChatService chat, SessionService sessions, AgentSessionsConfig config) {
        this.chat = chat;
        this.sessions = sessions;
        this.config = config;
    }

    @POST
    @Path("/message")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message and get the agent's reply; starts a session when session_id is absent or gone")
    public ChatResponse send(@PathParam("agentId") String agentId, @Context HttpServerRequest http,
            @NotNull(message = "a JSON body is required") @Valid ChatRequest body) {
        return chat.send(agentId, body, ClientInfo.of(http));
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
