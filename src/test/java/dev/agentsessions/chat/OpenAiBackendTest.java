package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.HttpPeer;
import dev.agentsessions.support.WithHttpPeer;
import dev.agentsessions.support.OpenAiWire;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The `openai` backend against a real HTTP server speaking the Chat Completions wire format. */
@QuarkusTest
class OpenAiBackendTest extends WithHttpPeer {

    static Map<String, Object> openAi(Map<String, Object> extra) {
        Map<String, Object> backend = new HashMap<>(Map.of("type", "openai", "base_url", peer.url() + "/v1",
                "model", "test-model", "system_prompt", "You are a helpful shop assistant.",
                "api_key_env", "AGENT_SECRET_TEST_OPENAI"));
        backend.putAll(extra);
        return backend;
    }

    @Test
    void theModelGetsTheSystemPromptContextHistoryWindowAndNewMessage() {
        String agent = Api.newAgent(Map.of("backend", openAi(Map.of("temperature", 0.2, "max_tokens", 256)), "history_window", 2));
        String session = given().contentType(ContentType.JSON).body(Map.of("context", Map.of("plan", "pro")))
                .post("/api/chat/{agent}/sessions", agent).then().statusCode(201).extract().path("session_id");
        peer.answer(request -> OpenAiWire.completion("Answer", 10, 3));
        Api.send(agent, session, "first");
        Api.send(agent, session, "second");
        peer.forget();

        JsonPath turn = Api.send(agent, session, "third");

        HttpPeer.Received request = peer.last();
        assertEquals("POST", request.method());
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("Bearer sk-test-key", request.header("Authorization"));
        JsonPath sent = JsonPath.from(request.body());
        assertEquals("test-model", sent.getString("model"));
        assertEquals(0.2f, sent.getFloat("temperature"));
        assertEquals(256, sent.getInt("max_tokens"));
        assertEquals(List.of("system", "system", "user", "assistant", "user"), sent.getList("messages.role"));
        assertEquals("You are a helpful shop assistant.", sent.getString("messages[0].content"));
        assertTrue(sent.getString("messages[1].content").contains("{\"plan\":\"pro\"}"));
        assertEquals(List.of("second", "Answer", "third"), sent.getList("messages.content").subList(2, 5));
        assertNull(sent.get("stream"));
        assertEquals("Answer", turn.getString("reply.content"));
    }

    @Test
    void usageFillsTokensOnBothMessagesAndTheSession() {
        String agent = Api.newAgent(Map.of("backend", openAi(Map.of())));
        peer.answer(request -> OpenAiWire.completion("Hello!", 30, 12));

        JsonPath turn = Api.send(agent, null, "Hi");

        assertEquals(12, turn.getInt("reply.tokens_used"));
        String session = turn.getString("session_id");
        assertEquals(List.of(List.of("user", 30), List.of("assistant", 12)), db.rows("""
                SELECT m.role, m.tokens_used FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ? ORDER BY m.seq""", session));
        assertEquals(42L, db.count("SELECT tokens_used FROM agent_sessions WHERE session_id = ?", session));
        assertEquals("answered", db.single("""
                SELECT m.reply_status FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ? AND m.seq = 1""", session));
    }

    @Test
    void theApiKeyIsNeverStoredNorShown() {
        String agent = Api.newAgent(Map.of("backend", openAi(Map.of())));
        String shown = Api.admin().get("/api/admin/agents/{id}", agent).then().statusCode(200)
                .body("backend.api_key_env", equalTo("AGENT_SECRET_TEST_OPENAI"))
                .extract().asString();
        assertFalse(shown.contains("sk-test-key"));
        assertFalse(String.valueOf(db.single("SELECT backend::text FROM agents WHERE agent_id = ?", agent)).contains("sk-test-key"));
    }

    @Test
    void invalidOpenAiSettingsAreRefused() {
        Map<String, Map<String, Object>> cases = Map.of(
                "backend.api_key_env", Map.of("api_key_env", "QUARKUS_DATASOURCE_PASSWORD"),
                "backend.base_url", Map.of("base_url", "ftp://models.example.com"),
                "backend.url", Map.of("url", "http://hooks.example.com"),
                "backend.temperature", Map.of("temperature", 3.5));
        cases.forEach((field, change) -> Api.admin().body(Map.of("name", "x", "backend", openAi(change)))
                .put("/api/admin/agents/bad_openai").then().statusCode(422).body("field", equalTo(field)));
        Map<String, Object> noModel = openAi(Map.of());
        noModel.remove("model");
        Api.admin().body(Map.of("name", "x", "backend", noModel)).put("/api/admin/agents/bad_openai")
                .then().statusCode(422).body("field", equalTo("backend.model"));
        assertEquals(0, db.count("SELECT count(*) FROM agents WHERE agent_id = 'bad_openai'"));
    }
}
