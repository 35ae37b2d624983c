package dev.agentsessions.chat;

import dev.agentsessions.agent.Agent;
import dev.agentsessions.message.MessageView;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the first transaction of a turn leaves for the rest: the stored user message, the newest
 * messages (oldest first, the user message included) and the context. A retried turn that was already
 * answered carries its stored reply, and the backend is not called again.
 */
record TurnStart(
        Agent agent,
        UUID sessionKey,
        String sessionId,
        boolean newSession,
        String replacedSessionId,
        MessageView userMessage,
        List<MessageView> recent,
        int messageCount,
        Map<String, Object> context,
        MessageView storedReply) {

    boolean answered() {
        return storedReply != null;
    }

    /** The history the backend sees: messages before the user's, oldest first, within the agent's limits. */
    List<MessageView> historyBeforeUserMessage() {
        List<MessageView> before = recent.stream().filter(m -> m.seq() < userMessage.seq()).toList();
        return HistoryWindow.select(before, agent.historyWindow(), agent.historyTokenBudget());
    }
}
