package dev.agentsessions.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.message.MessageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    private static MessageView message(int seq, String role, String content, Integer tokens) {
        return new MessageView(UUID.randomUUID(), seq, role, content, null, tokens, null, null, null, Map.of(), Instant.now());
    }

    private final List<MessageView> earlier = List.of(
            message(1, "user", "x".repeat(40), 500),      // a user message's stored count is its whole prompt: estimated 14
            message(2, "assistant", "reply one", 30),
            message(3, "user", "y".repeat(20), null),     // estimated 9
            message(4, "assistant", "reply two", 50));

    @Test
    void theWindowKeepsTheNewestMessages() {
        assertEquals(List.of(3, 4), HistoryWindow.select(earlier, 2, null).stream().map(MessageView::seq).toList());
        assertEquals(List.of(1, 2, 3, 4), HistoryWindow.select(earlier, 20, null).stream().map(MessageView::seq).toList());
    }

    @Test
    void theTokenBudgetKeepsTheNewestThatFitTogether() {
        assertEquals(List.of(3, 4), HistoryWindow.select(earlier, 20, 59).stream().map(MessageView::seq).toList());
        assertEquals(List.of(2, 3, 4), HistoryWindow.select(earlier, 20, 89).stream().map(MessageView::seq).toList());
        assertEquals(List.of(1, 2, 3, 4), HistoryWindow.select(earlier, 20, 103).stream().map(MessageView::seq).toList());
        assertEquals(List.of(), HistoryWindow.select(earlier, 20, 49).stream().map(MessageView::seq).toList());
    }

    @Test
    void estimatesCountFourCharactersAToken() {
        assertEquals(4 + 1, HistoryWindow.estimate("abcd"));
        assertEquals(4 + 2, HistoryWindow.estimate("abcde"));
    }
}
