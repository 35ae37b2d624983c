package dev.agentsessions.chat;

import dev.agentsessions.agent.Agent;
import dev.agentsessions.agent.AgentReply;
import dev.agentsessions.agent.BackendGuards;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.message.AgentMessage;
import dev.agentsessions.message.Appended;
import dev.agentsessions.message.MessageRepository;
import dev.agentsessions.message.MessageRole;
import dev.agentsessions.message.MessageView;
import dev.agentsessions.message.NewMessage;
import dev.agentsessions.message.RetryClaim;
import dev.agentsessions.message.TurnMarks;
import dev.agentsessions.observability.ChatMetrics;
import dev.agentsessions.session.AgentSession;
import dev.agentsessions.session.SessionNotFound;
import dev.agentsessions.session.SessionService;
import dev.agentsessions.session.SessionStatus;
import dev.agentsessions.web.ClientInfo;
import dev.agentsessions.web.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The two short transactions of a chat turn; the backend is called between them, by ChatService. */
@ApplicationScoped
class ChatTurns {

    private final SessionService sessions;
    private final MessageRepository messages;
    private final AgentSessionsConfig config;
    private final ChatMetrics metrics;
    private final BackendGuards guards;

    ChatTurns(SessionService sessions, MessageRepository messages, AgentSessionsConfig config, ChatMetrics metrics,
            BackendGuards guards) {
        this.sessions = sessions;
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
        this.guards = guards;
    }

    /** Transaction 1: find or start the session, store the user message, read history and context. */
    @Transactional
    TurnStart begin(String agentId, ChatRequest request, ClientInfo client) {
        Agent agent = sessions.agentFor(agentId, client);
        Optional<AgentSession> existing = Optional.ofNullable(request.sessionId())
                .flatMap(id -> sessions.findLive(agent, id, client))
                .filter(s -> s.storedStatus() != SessionStatus.ENDED);
        if (existing.isPresent() && request.clientMessageId() != null) {
            Optional<TurnStart> retried = retry(agent, existing.get(), request);
            if (retried.isPresent()) {
                return retried.get();
            }
        }
        AgentSession session = existing.orElseGet(
                () -> sessions.start(agent, client, request.sessionId(), request.userId(), Map.of()));
        Appended user = messages.append(session.id(),
                        NewMessage.user(request.message(), request.clientMessageId(), request.metadata()), null,
                        TurnMarks.awaitingReply(guards.turnDeadline(agent)))
                .orElseThrow(SessionNotFound::new);
        metrics.messageStored(agent.agentId(), MessageRole.USER.dbValue());
        boolean started = existing.isEmpty();
        List<MessageView> recent = started ? List.of(user.message()) : latest(agent, session);
        String replaced = started && request.sessionId() != null && !request.sessionId().equals(session.sessionId())
                ? request.sessionId() : null;
        return new TurnStart(agent, session.id(), session.sessionId(), started, replaced, user.message(), recent,
                user.messageCount(), user.context(), null);
    }

    /** Transaction 2: store the reply and apply the backend's context patch. */
    @Transactional
    Appended finish(TurnStart turn, AgentReply reply) {
        Appended stored = messages.append(turn.sessionKey(),
                        NewMessage.assistantReply(reply.content(), reply.tokensUsed(), turn.userMessage().seq()),
                        reply.contextPatch(), TurnMarks.answered(reply.promptTokens()))
                .orElseThrow(SessionNotFound::new);
        metrics.messageStored(turn.agent().agentId(), MessageRole.ASSISTANT.dbValue());
        return stored;
    }

    /** After a backend failure: the user message stays, marked failed, so a retry finishes the turn at once. */
    @Transactional
    void failed(TurnStart turn) {
        messages.markReplyFailed(turn.sessionKey(), turn.userMessage().seq());
    }

    /** A message sent again with the same client_message_id is not stored twice. */
    private Optional<TurnStart> retry(Agent agent, AgentSession session, ChatRequest request) {
        Optional<AgentMessage> earlier = messages.findByClientMessageId(session.id(), request.clientMessageId());
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        AgentMessage userMessage = earlier.get();
        if (!userMessage.content().equals(request.message())) {
            throw new InvalidInput("client_message_id", "This client_message_id was already used for a different message");
        }
        MessageView storedReply = messages.findReplyTo(session.id(), userMessage.seq()).map(MessageView::from).orElse(null);
        if (storedReply == null) {
            RetryClaim claim = messages.claimRetry(userMessage.id(), guards.turnDeadline(agent));
            if (!claim.taken()) {
                throw new TurnInProgress(claim.leaseLeft(), session.sessionId());
            }
        }
        return Optional.of(new TurnStart(agent, session.id(), session.sessionId(), false, null,
                MessageView.from(userMessage), latest(agent, session), session.messageCount(), session.context(),
                storedReply));
    }

    private List<MessageView> latest(Agent agent, AgentSession session) {
        int wanted = Math.max(agent.historyWindow() + 1, config.chat().responseHistoryLimit());
        return messages.newestBefore(session.id(), MessageRepository.UNBOUNDED, wanted);
    }
}
