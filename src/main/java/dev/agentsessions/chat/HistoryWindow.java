package dev.agentsessions.chat;

import dev.agentsessions.message.MessageView;
import java.util.List;

/**
 * Which earlier messages a backend sees: the newest `history_window` of them, and of those, when the agent
 * sets `history_token_budget`, the newest that fit in the budget together.
 */
final class HistoryWindow {

    private HistoryWindow() {}

    /** @param earlier messages before the new one, oldest first */
    static List<MessageView> select(List<MessageView> earlier, int window, Integer tokenBudget) {
        int from = Math.max(0, earlier.size() - window);
        if (tokenBudget != null) {
            int spent = 0;
            int start = earlier.size();
            while (start > from && spent + tokensOf(earlier.get(start - 1)) <= tokenBudget) {
                spent += tokensOf(earlier.get(--start));
            }
            from = start;
        }
        return earlier.subList(from, earlier.size());
    }

    /**
     * A reply's stored tokens_used is its own completion tokens, so it is used as it is. A user message's
     * stored count is what its whole prompt cost (history included), not its own size, so user messages,
     * and any message without a count, are estimated: one token per four characters, plus four for the
     * message's framing in the chat format.
     */
    static int tokensOf(MessageView message) {
        if ("assistant".equals(message.role()) && message.tokensUsed() != null) {
            return message.tokensUsed();
        }
        return estimate(message.content());
    }

    static int estimate(String text) {
        return (text.codePointCount(0, text.length()) + 3) / 4 + 4;
    }
}
