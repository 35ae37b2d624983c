package dev.agentsessions.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.message.MessageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BuiltinAgentTest {

    private final BuiltinAgent agent = new BuiltinAgent();

    private static AgentCall call(String message, Map<String, Object> context, List<MessageView> history) {
        return new AgentCall(null, "s", message, history, history.size() + 1, context, Map.of());
    }

    private static MessageView said(String role, String content, int seq) {
        return new MessageView(UUID.randomUUID(), seq, role, content, null, null, null, null, null, Map.of(), Instant.now());
    }

    @Test
    void anIntroductionIsRememberedInTheContext() {
        AgentReply reply = agent.reply(call("Hi! my name is alice.", Map.of(), List.of()));
        assertEquals(Map.of("name", "Alice"), reply.contextPatch());
        assertTrue(reply.content().contains("Alice"));
    }

    @Test
    void theNameQuestionIsAnsweredFromTheContextOnly() {
        assertEquals("Your name is Alice.", agent.reply(call("What's my name?", Map.of("name", "Alice"), List.of())).content());
        assertTrue(agent.reply(call("what is my name", Map.of(), List.of())).content().startsWith("I don't know your name yet"));
    }

    @Test
    void otherMessagesShowTheConversationWasSeen() {
        AgentReply reply = agent.reply(call("And then?", Map.of(),
                List.of(said("user", "I like tea", 1), said("assistant", "Noted", 2))));
        assertTrue(reply.content().contains("3 messages"), reply.content());
        assertTrue(reply.content().contains("I like tea"), reply.content());
        assertTrue(reply.content().contains("not a language model"));
    }
}
