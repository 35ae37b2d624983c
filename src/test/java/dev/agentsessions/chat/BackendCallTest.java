package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.ProbeBackend;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BackendCallTest {

    @Inject
    Db db;

    @Inject
    ProbeBackend probe;

    @AfterEach
    void healProbe() {
        probe.failing.set(false);
    }

    @Test
    void theBackendIsCalledWithoutHoldingADatabaseConnection() {
        String agent = Api.newAgent(Map.of("backend", Map.of("type", ProbeBackend.TYPE)));
        Api.send(agent, null, "Hello");
        assertEquals(0, probe.activeConnectionsDuringCall.get());
    }

    @Test
    void theBackendSeesTheAgentsHistoryWindowAndTokensAreCounted() {
        String agent = Api.newAgent(Map.of("backend", Map.of("type", ProbeBackend.TYPE), "history_window", 3));
        String session = Api.send(agent, null, "one").getString("session_id");
        Api.send(agent, session, "two");
        JsonPath third = Api.send(agent, session, "three");

        assertEquals("probe saw 3 earlier messages", third.getString("reply.content"));
        assertEquals(7, third.getInt("reply.tokens_used"));
        assertEquals(21L, db.count("SELECT tokens_used FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void aFailedBackendKeepsTheUserMessageAndARetryFinishesTheTurnOnce() {
        String agent = Api.newAgent(Map.of("backend", Map.of("type", ProbeBackend.TYPE)));
        String session = Api.send(agent, null, "start").getString("session_id");
        Map<String, Object> body = Map.of("message", "Are you there?", "session_id", session, "client_message_id", "retry-1");

        probe.failing.set(true);
        given().contentType(ContentType.JSON).body(body).post("/api/chat/{agent}/message", agent)
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:agent-sessions:problem:backend-failed"));
        assertEquals(3, db.messagesOfAgent(agent), "the user message stays stored");

        probe.failing.set(false);
        JsonPath retried = Api.send(agent, body);
        assertEquals(4, retried.getInt("message_count"));
        assertEquals(3, retried.getInt("reply.reply_to_seq"));
        int callsBefore = probe.calls.get();
        Api.send(agent, body);
        assertEquals(callsBefore, probe.calls.get(), "an answered turn is not sent to the backend again");
        assertEquals(4, db.messagesOfAgent(agent));
    }
}
