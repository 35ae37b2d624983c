package dev.agentsessions.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.agent.AgentRepository;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.message.Appended;
import dev.agentsessions.message.MessageRepository;
import dev.agentsessions.message.MessageView;
import dev.agentsessions.observability.ChatMetrics;
import dev.agentsessions.session.AgentSession;
import dev.agentsessions.session.NativeSql;
import dev.agentsessions.session.SessionIds;
import dev.agentsessions.session.SessionNotFound;
import dev.agentsessions.session.SessionPolicy;
import dev.agentsessions.session.SessionRepository;
import dev.agentsessions.session.SessionStatus;
import dev.agentsessions.web.InvalidInput;
import dev.agentsessions.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One session, found by its public id alone (ids are unique across agents), as the operator API needs it. */
@ApplicationScoped
public class SessionAdminService {

    private static final String PATCH_CONTEXT = """
            UPDATE agent_sessions SET context_data = jsonb_merge_patch(context_data, CAST(? AS jsonb))
             WHERE id = ?""";

    private final AgentRepository agents;
    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final AgentSessionsConfig config;
    private final ChatMetrics metrics;
    private final ObjectMapper json;

    public SessionAdminService(AgentRepository agents, SessionRepository sessions, MessageRepository messages,
            AgentSessionsConfig config, ChatMetrics metrics, ObjectMapper json) {
        this.agents = agents;
        this.sessions = sessions;
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
    }

    @Transactional
    public OperatorSessionView get(String sessionId) {
        Located found = locate(sessionId);
        return OperatorSessionView.of(found.session(), found.policy(), Instant.now());
    }

    /** A snapshot of the session for an export: its view and how many messages it had at this moment. */
    @Transactional
    ExportHead exportHead(String sessionId) {
        Located found = locate(sessionId);
        return new ExportHead(found.session().id(), OperatorSessionView.of(found.session(), found.policy(), Instant.now()));
    }

    @Transactional
    public OperatorSessionView end(String sessionId) {
        Located found = locate(sessionId);
        Instant now = Instant.now();
        sessions.markEnded(found.session().id(), now);
        sessions.getEntityManager().refresh(found.session());
        return OperatorSessionView.of(found.session(), found.policy(), now);
    }

    @Transactional
    public Map<String, Object> context(String sessionId) {
        return locate(sessionId).session().context();
    }

    /**
     * Applies an RFC 7396 merge patch in one UPDATE (under the row lock, so concurrent patches and chat
     * turns never lose each other's keys). A result over the context limit rolls the transaction back.
     */
    @Transactional
    public Map<String, Object> patchContext(String sessionId, Map<String, Object> patch) {
        AgentSession session = locate(sessionId).session();
        if (new NativeSql().add(PATCH_CONTEXT, json.valueToTree(patch).toString(), session.id())
                .update(sessions.getEntityManager()) == 0) {
            throw new SessionNotFound();
        }
        sessions.getEntityManager().refresh(session);
        int bytes = json.valueToTree(session.context()).toString().getBytes(StandardCharsets.UTF_8).length;
        int maxBytes = config.limits().maxContextBytes();
        if (bytes > maxBytes) {
            throw new InvalidInput("context", "The patched context would be " + bytes + " bytes of JSON; at most "
                    + maxBytes + " are allowed, so nothing was changed");
        }
        return session.context();
    }

    @Transactional
    public MessageRange messages(String sessionId, Integer afterSeq, Integer beforeSeq, int limit) {
        UUID key = locate(sessionId).session().id();
        if (afterSeq == null && beforeSeq != null) {
            List<MessageView> newest = messages.newestBefore(key, beforeSeq, limit + 1);
            boolean hasMore = newest.size() > limit;
            List<MessageView> views = hasMore ? newest.subList(1, newest.size()) : newest;
            return new MessageRange(sessionId, views, hasMore, null, views.isEmpty() ? beforeSeq : views.get(0).seq());
        }
        int after = afterSeq == null ? 0 : afterSeq;
        List<MessageView> page = messages.between(key, after, beforeSeq == null ? MessageRepository.UNBOUNDED : beforeSeq, limit + 1);
        boolean hasMore = page.size() > limit;
        List<MessageView> views = hasMore ? page.subList(0, limit) : page;
        return new MessageRange(sessionId, views, hasMore, views.isEmpty() ? after : views.get(views.size() - 1).seq(), null);
    }

    /**
     * Appends the messages in order in one transaction: the first append takes the session's row lock and
     * keeps it to the commit, so the batch gets consecutive seq numbers and no chat turn lands in between.
     */
    @Transactional
    public AppendResult append(String sessionId, AppendRequest request) {
        int max = config.operator().maxAppendMessages();
        if (request.messages().size() > max) {
            throw new InvalidInput("messages", "at most " + max + " messages per request");
        }
        AgentSession session = locate(sessionId).session();
        if (session.storedStatus() == SessionStatus.ENDED) {
            throw new ProblemException(409, "session-ended", "Session ended",
                    "This session has ended and takes no more messages", "session_id");
        }
        List<MessageView> stored = new ArrayList<>();
        int messageCount = session.messageCount();
        for (AppendRequest.Item item : request.messages()) {
            Appended appended = messages.append(session.id(), item.toNewMessage(), null).orElseThrow(SessionNotFound::new);
            stored.add(appended.message());
            messageCount = appended.messageCount();
        }
        stored.forEach(m -> metrics.messageStored(session.agentId(), m.role()));
        return new AppendResult(session.sessionId(), stored, messageCount);
    }

    /** Erases the session and its messages; also one past retention that cleanup has not reached yet. */
    @Transactional
    public void delete(String sessionId) {
        if (!SessionIds.isWellFormed(sessionId) || sessions.delete("sessionId", sessionId) == 0) {
            throw new SessionNotFound();
        }
    }

    private Located locate(String sessionId) {
        if (!SessionIds.isWellFormed(sessionId)) {
            throw new SessionNotFound();
        }
        AgentSession session = sessions.find("sessionId", sessionId).firstResultOptional().orElseThrow(SessionNotFound::new);
        SessionPolicy policy = SessionPolicy.of(agents.findById(session.agentId()), config);
        if (policy.isGone(session.storedStatus(), session.lastActivityAt(), Instant.now())) {
            throw new SessionNotFound();
        }
        return new Located(session, policy);
    }

    private record Located(AgentSession session, SessionPolicy policy) {}

    /** What an export starts from. */
    record ExportHead(UUID key, OperatorSessionView session) {}
}
