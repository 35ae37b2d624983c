package dev.agentsessions.session;

import dev.agentsessions.agent.Agent;
import dev.agentsessions.agent.AgentNotFound;
import dev.agentsessions.agent.AgentRepository;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.message.MessageRepository;
import dev.agentsessions.message.MessageView;
import dev.agentsessions.observability.ChatMetrics;
import dev.agentsessions.web.ClientInfo;
import dev.agentsessions.web.NewSessionLimit;
import dev.agentsessions.web.OriginGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Finding, starting, ending and erasing sessions as the website-facing API needs. */
@ApplicationScoped
public class SessionService {

    private final AgentRepository agents;
    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final AgentSessionsConfig config;
    private final ChatMetrics metrics;
    private final NewSessionLimit newSessionLimit;

    public SessionService(AgentRepository agents, SessionRepository sessions, MessageRepository messages,
            AgentSessionsConfig config, ChatMetrics metrics, NewSessionLimit newSessionLimit) {
        this.agents = agents;
        this.sessions = sessions;
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
        this.newSessionLimit = newSessionLimit;
    }

    /** The agent, if the calling website may use it. Must run inside a transaction. */
    public Agent agentFor(String agentId, ClientInfo client) {
        Agent agent = agents.findAgent(agentId).orElseThrow(() -> new AgentNotFound(agentId));
        OriginGuard.check(agent, client);
        return agent;
    }

    /**
     * The session, only together with its agent and, where the agent restricts origins, the website it
     * was started from; never one past retention. Must run inside a transaction.
     */
    public Optional<AgentSession> findLive(Agent agent, String sessionId, ClientInfo client) {
        SessionPolicy policy = SessionPolicy.of(agent, config);
        Instant now = Instant.now();
        return sessions.findForAgent(agent.agentId(), sessionId)
                .filter(s -> !agent.restrictsOrigins() || Objects.equals(s.websiteDomain(), client.websiteDomain()))
                .filter(s -> !policy.isGone(s.storedStatus(), s.lastActivityAt(), now));
    }

    /**
     * Starts a session. A client-chosen id is adopted only when the agent allows it and no session holds
     * it yet; otherwise the server mints one. Must run inside a transaction.
     */
    public AgentSession start(Agent agent, ClientInfo client, String requestedId, String userId, Map<String, Object> context) {
        newSessionLimit.admit(agent.agentId(), client);
        String sessionId = agent.acceptClientSessionIds() && SessionIds.isWellFormed(requestedId)
                && !sessions.sessionIdTaken(requestedId) ? requestedId : SessionIds.mint();
        AgentSession session = new AgentSession(sessionId, agent.agentId(),
                new SessionOrigin(client.websiteDomain(), client.ipAddress(), client.userAgent()), userId, context);
        sessions.persist(session);
        sessions.flush();
        metrics.sessionCreated(agent.agentId());
        return session;
    }

    @Transactional
    public SessionView create(String agentId, ClientInfo client, NewSessionRequest request) {
        Agent agent = agentFor(agentId, client);
        AgentSession session = start(agent, client, request.sessionId(), request.userId(), request.context());
        return SessionView.of(session, SessionPolicy.of(agent, config), Instant.now());
    }

    @Transactional
    public MessagePage messages(String agentId, String sessionId, ClientInfo client, int afterSeq, int limit) {
        Agent agent = agentFor(agentId, client);
        AgentSession session = findLive(agent, sessionId, client).orElseThrow(SessionNotFound::new);
        List<MessageView> page = messages.between(session.id(), afterSeq, MessageRepository.UNBOUNDED, limit + 1);
        boolean hasMore = page.size() > limit;
        List<MessageView> views = hasMore ? page.subList(0, limit) : page;
        int nextAfterSeq = views.isEmpty() ? afterSeq : views.get(views.size() - 1).seq();
        return new MessagePage(session.sessionId(), views, nextAfterSeq, hasMore);
    }

    @Transactional
    public SessionView end(String agentId, String sessionId, ClientInfo client) {
        Agent agent = agentFor(agentId, client);
        AgentSession session = findLive(agent, sessionId, client).orElseThrow(SessionNotFound::new);
        Instant now = Instant.now();
        sessions.markEnded(session.id(), now);
        sessions.getEntityManager().refresh(session);
        return SessionView.of(session, SessionPolicy.of(agent, config), now);
    }

    @Transactional
    public void erase(String agentId, String sessionId, ClientInfo client) {
        Agent agent = agentFor(agentId, client);
        AgentSession session = findLive(agent, sessionId, client).orElseThrow(SessionNotFound::new);
        sessions.erase(session.id());
    }
}
