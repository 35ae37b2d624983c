package dev.agentsessions.chat;

import dev.agentsessions.agent.AgentBackend;
import dev.agentsessions.agent.AgentBackends;
import dev.agentsessions.agent.AgentCall;
import dev.agentsessions.agent.AgentReply;
import dev.agentsessions.agent.BackendError;
import dev.agentsessions.agent.BackendGuards;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.message.Appended;
import dev.agentsessions.message.MessageView;
import dev.agentsessions.observability.ChatMetrics;
import dev.agentsessions.web.ClientInfo;
import dev.agentsessions.web.DatabaseUnavailable;
import dev.agentsessions.web.InvalidInput;
import dev.agentsessions.web.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The chat turn: transaction 1, the backend call with no transaction and no database connection held,
 * transaction 2. A backend may take seconds; the pool never waits for it.
 */
@ApplicationScoped
public class ChatService {

    private final ChatTurns turns;
    private final AgentBackends backends;
    private final BackendGuards guards;
    private final ReplyCheck replyCheck;
    private final AgentSessionsConfig config;
    private final ChatMetrics metrics;

    public ChatService(ChatTurns turns, AgentBackends backends, BackendGuards guards, ReplyCheck replyCheck,
            AgentSessionsConfig config, ChatMetrics metrics) {
        this.turns = turns;
        this.backends = backends;
        this.guards = guards;
        this.replyCheck = replyCheck;
        this.config = config;
        this.metrics = metrics;
    }

    public ChatResponse send(String agentId, ChatRequest request, String idempotencyKey, ClientInfo client) {
        ChatRequest keyed = withIdempotencyKey(request, idempotencyKey);
        TurnStart turn = turns.begin(agentId, keyed, client);
        if (turn.answered()) {
            return respond(turn, turn.storedReply(), turn.messageCount(), turn.context());
        }
        try {
            AgentReply reply = callBackend(turn, keyed, null);
            Appended stored = turns.finish(turn, reply);
            return respond(turn, stored.message(), stored.messageCount(), stored.context());
        } catch (RuntimeException e) {
            throw databaseUnavailable(e, turn);
        }
    }

    /**
     * The user message is stored, so a problem after it names its session: a retry with the same
     * client_message_id must go there (a first message would otherwise start a second session).
     */
    private RuntimeException databaseUnavailable(RuntimeException e, TurnStart turn) {
        if (e instanceof ProblemException || !DatabaseUnavailable.causedBy(e)) {
            return e;
        }
        Log.warnf("Database unavailable during a turn of agent %s: %s", turn.agent().agentId(), e.getMessage());
        return new DatabaseUnavailable(config.database().retryAfter()).inSession(turn.sessionId());
    }

    /**
     * The same turn, streamed. A failure before the session is known is thrown (a plain problem answer);
     * after that, it is reported to the listener.
     */
    public void stream(String agentId, ChatRequest request, String idempotencyKey, ClientInfo client, TurnListener listener) {
        ChatRequest keyed = withIdempotencyKey(request, idempotencyKey);
        TurnStart turn = turns.begin(agentId, keyed, client);
        listener.session(turn.sessionId(), turn.newSession(), turn.replacedSessionId());
        try {
            if (turn.answered()) {
                listener.delta(turn.storedReply().content());
                listener.done(respond(turn, turn.storedReply(), turn.messageCount(), turn.context()));
                return;
            }
            AgentReply reply = callBackend(turn, keyed, listener::delta);
            Appended stored = turns.finish(turn, reply);
            listener.done(respond(turn, stored.message(), stored.messageCount(), stored.context()));
        } catch (ProblemException e) {
            listener.failed(e.problem());
        } catch (RuntimeException e) {
            if (databaseUnavailable(e, turn) instanceof ProblemException problem) {
                listener.failed(problem.problem());
                return;
            }
            Log.errorf(e, "Streamed turn failed in session of agent %s", agentId);
            listener.failed(new ProblemException(500, "internal-error", "Internal error",
                    "The turn failed on the server", null).inSession(turn.sessionId()).problem());
        }
    }

    /** Calls the backend, streaming deltas to onDelta when given; the stored reply is exactly what was streamed. */
    private AgentReply callBackend(TurnStart turn, ChatRequest request, Consumer<String> onDelta) {
        AgentBackend backend = backends.forAgent(turn.agent());
        AgentCall call = new AgentCall(turn.agent(), turn.sessionId(), turn.userMessage().content(),
                turn.historyBeforeUserMessage(), turn.messageCount(), turn.context(), request.metadata());
        StringBuilder streamed = new StringBuilder();
        Consumer<String> deltas = text -> {
            String clean = ReplyCheck.storable(text);
            streamed.append(clean);
            onDelta.accept(clean);
        };
        long started = System.nanoTime();
        String agentId = turn.agent().agentId();
        try {
            AgentReply reply = guards.call(turn.agent(),
                    () -> onDelta == null ? backend.reply(call) : backend.stream(call, deltas));
            AgentReply checked = replyCheck.checked(onDelta == null ? reply : reply.withContent(streamed.toString()));
            metrics.backendCall(agentId, backend.type(), Duration.ofNanos(System.nanoTime() - started), false);
            metrics.tokens(agentId, "prompt", checked.promptTokens());
            metrics.tokens(agentId, "completion", checked.tokensUsed());
            return checked;
        } catch (BackendError e) {
            metrics.backendCall(agentId, backend.type(), Duration.ofNanos(System.nanoTime() - started), true);
            metrics.backendError(agentId, backend.type(), e.kind().name().toLowerCase());
            Log.warnf("Backend of agent %s: %s", agentId, e.getMessage());
            turns.failed(turn);
            throw problemFor(e).inSession(turn.sessionId());
        }
    }

    private static ProblemException problemFor(BackendError e) {
        String retry = "your message is stored; send it again with the same client_message_id to finish the turn";
        return switch (e.kind()) {
            case TIMEOUT -> new ProblemException(504, "backend-timeout", "Agent backend timed out",
                    "The agent did not answer in time; " + retry, null);
            case UNAVAILABLE -> new ProblemException(503, "backend-unavailable", "Agent backend unavailable",
                    "The agent is failing and is given a rest; " + retry, null)
                    .retryAfter(Math.max(1, e.retryAfter().toSeconds()));
            case FAILED -> new ProblemException(502, "backend-failed", "Agent backend failed",
                    "The agent did not answer; " + retry, null);
        };
    }

    private static ChatRequest withIdempotencyKey(ChatRequest request, String key) {
        if (key == null) {
            return request;
        }
        if (!key.matches(ChatRequest.CLIENT_MESSAGE_ID_PATTERN)) {
            throw new InvalidInput("Idempotency-Key", ChatRequest.CLIENT_MESSAGE_ID_RULE);
        }
        if (request.clientMessageId() != null && !request.clientMessageId().equals(key)) {
            throw new InvalidInput("Idempotency-Key", "differs from the body's client_message_id");
        }
        return request.withClientMessageId(key);
    }

    private ChatResponse respond(TurnStart turn, MessageView reply, int messageCount, Map<String, Object> context) {
        // The history was read before the reply existed: its user message still says pending.
        List<MessageView> history = new ArrayList<>(turn.recent().stream().map(m -> m.answeredBy(reply)).toList());
        if (history.stream().noneMatch(m -> m.seq() == reply.seq())) {
            history.add(reply);
        }
        history.sort(Comparator.comparingInt(MessageView::seq));
        int limit = config.chat().responseHistoryLimit();
        if (history.size() > limit) {
            history = history.subList(history.size() - limit, history.size());
        }
        return new ChatResponse(turn.sessionId(), turn.newSession(), turn.replacedSessionId(), reply, messageCount,
                context, List.copyOf(history), messageCount > history.size());
    }
}
