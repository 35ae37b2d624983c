package dev.agentsessions.chat;

import dev.agentsessions.agent.AgentBackend;
import dev.agentsessions.agent.AgentBackends;
import dev.agentsessions.agent.AgentCall;
import dev.agentsessions.agent.AgentReply;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.message.Appended;
import dev.agentsessions.message.MessageView;
import dev.agentsessions.observability.ChatMetrics;
import dev.agentsessions.web.ClientInfo;
import dev.agentsessions.web.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The chat turn: transaction 1, the backend call with no transaction and no database connection held,
 * transaction 2. A backend may take seconds; the pool never waits for it.
 */
@ApplicationScoped
public class ChatService {

    private final ChatTurns turns;
    private final AgentBackends backends;
    private final AgentSessionsConfig config;
    private final ChatMetrics metrics;

    public ChatService(ChatTurns turns, AgentBackends backends, AgentSessionsConfig config, ChatMetrics metrics) {
        this.turns = turns;
        this.backends = backends;
        this.config = config;
        this.metrics = metrics;
    }

    public ChatResponse send(String agentId, ChatRequest request, ClientInfo client) {
        TurnStart turn = turns.begin(agentId, request, client);
        if (turn.answered()) {
            return respond(turn, turn.storedReply(), turn.messageCount(), turn.context());
        }
        AgentReply reply = callBackend(turn, request);
        Appended stored = turns.finish(turn, reply);
        return respond(turn, stored.message(), stored.messageCount(), stored.context());
    }

    private AgentReply callBackend(TurnStart turn, ChatRequest request) {
        AgentBackend backend = backends.forAgent(turn.agent());
        AgentCall call = new AgentCall(turn.agent(), turn.sessionId(), turn.userMessage().content(),
                turn.historyBeforeUserMessage(), turn.messageCount(), turn.context(), request.metadata());
        long started = System.nanoTime();
        try {
            AgentReply reply = backend.reply(call);
            metrics.backendCall(turn.agent().agentId(), backend.type(), Duration.ofNanos(System.nanoTime() - started), false);
            return sanitised(reply);
        } catch (RuntimeException e) {
            metrics.backendCall(turn.agent().agentId(), backend.type(), Duration.ofNanos(System.nanoTime() - started), true);
            Log.warnf(e, "Backend of agent %s failed", turn.agent().agentId());
            throw new ProblemException(502, "backend-failed", "Agent backend failed",
                    "The agent did not answer; your message is stored, send it again with the same client_message_id to retry",
                    null);
        }
    }

    /** PostgreSQL cannot store NUL characters; a backend that sends one must not lose the turn over it. */
    private static AgentReply sanitised(AgentReply reply) {
        String content = reply.content() == null ? "" : reply.content().replace("\u0000", "");
        return new AgentReply(content, reply.contextPatch() == null ? Map.of() : reply.contextPatch(), reply.tokensUsed());
    }

    private ChatResponse respond(TurnStart turn, MessageView reply, int messageCount, Map<String, Object> context) {
        List<MessageView> history = new ArrayList<>(turn.recent());
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
