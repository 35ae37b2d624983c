package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatTurnTest {

    private final Db db = new Db();

    @Test
    void firstMessageStartsASessionWithAServerMintedId() {
        String agent = Api.newAgent();
        JsonPath turn = Api.send(agent, null, "Hello there");

        String sessionId = turn.getString("session_id");
        assertTrue(sessionId.matches("[A-Za-z0-9_-]{32}"), sessionId);
        assertTrue(turn.getBoolean("new_session"));
        assertEquals(2, turn.getInt("message_count"));
        assertEquals("assistant", turn.getString("reply.role"));
        assertEquals(2, turn.getInt("reply.seq"));
        assertEquals(List.of("user", "assistant"), turn.getList("history.role"));
        assertFalse(turn.getBoolean("history_truncated"));

        List<List<Object>> rows = db.rows("""
                SELECT m.seq, m.role, m.content, s.message_count, s.status FROM agent_messages m
                JOIN agent_sessions s ON s.id = m.session_id WHERE s.session_id = ? ORDER BY m.seq""", sessionId);
        assertEquals(2, rows.size());
        assertEquals(List.of(1, "user", "Hello there", 2, "active"), rows.get(0));
        assertEquals("assistant", rows.get(1).get(1));
    }

    @Test
    void eachSessionRemembersOnlyItsOwnVisitor() {
        String agent = Api.newAgent();
        String alice = Api.send(agent, null, "My name is Alice").getString("session_id");
        JsonPath other = Api.send(agent, null, "What is my name?");
        JsonPath aliceAgain = Api.send(agent, alice, "What is my name?");

        assertNotEquals(alice, other.getString("session_id"));
        assertTrue(other.getString("reply.content").startsWith("I don't know your name yet"));
        assertNull(other.get("context.name"));
        assertEquals("Your name is Alice.", aliceAgain.getString("reply.content"));
        assertEquals("Alice", aliceAgain.getString("context.name"));
        assertEquals(4, aliceAgain.getInt("message_count"));
        assertEquals("{\"name\": \"Alice\"}", db.single(
                "SELECT context_data::text FROM agent_sessions WHERE session_id = ?", alice));
        assertEquals("{}", db.single(
                "SELECT context_data::text FROM agent_sessions WHERE session_id = ?", other.getString("session_id")));
    }

    @Test
    void theBuiltinAgentSeesTheConversation() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "I like green tea").getString("session_id");
        JsonPath second = Api.send(agent, session, "And biscuits");

        assertTrue(second.getString("reply.content").contains("3 messages"), second.getString("reply.content"));
        assertTrue(second.getString("reply.content").contains("I like green tea"), second.getString("reply.content"));
    }

    @Test
    void theHistoryInTheAnswerShowsTheUserMessageAnswered() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "First").getString("session_id");
        JsonPath second = Api.send(agent, session, "Second");

        assertEquals(List.of("user", "assistant", "user", "assistant"), second.getList("history.role"));
        assertEquals(List.of("answered", "answered"), second.getList("history.findAll { it.role == 'user' }.reply_status"));
        assertEquals(List.of("answered", "answered"), db.rows("""
                SELECT m.reply_status FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                 WHERE s.session_id = ? AND m.role = 'user' ORDER BY m.seq""", session).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void anIdTheServerNeverIssuedIsNotAdopted() {
        String agent = Api.newAgent();
        String invented = "my-own-session-id-0001";
        JsonPath turn = Api.send(agent, invented, "Hi");

        assertNotEquals(invented, turn.getString("session_id"));
        assertTrue(turn.getBoolean("new_session"));
        assertEquals(invented, turn.getString("replaced_session_id"));
        assertEquals(0, db.count("SELECT count(*) FROM agent_sessions WHERE session_id = ?", invented));
    }

    @Test
    void aClientIdIsAdoptedOnlyWhenTheAgentAcceptsThem() {
        String agent = Api.newAgent(Map.of("accept_client_session_ids", true));
        String chosen = "frontend-made-id-0123456789";
        JsonPath turn = Api.send(agent, chosen, "Hi");
        assertEquals(chosen, turn.getString("session_id"));
        assertNull(turn.get("replaced_session_id"));
        assertEquals(agent, db.single("SELECT agent_id FROM agent_sessions WHERE session_id = ?", chosen));

        JsonPath again = Api.send(agent, chosen, "Again");
        assertEquals(chosen, again.getString("session_id"));
        assertFalse(again.getBoolean("new_session"));
        assertEquals(4, again.getInt("message_count"));
    }

    @Test
    void aSessionIsFoundOnlyWithItsOwnAgent() {
        String owner = Api.newAgent(Map.of("accept_client_session_ids", true));
        String stranger = Api.newAgent(Map.of("accept_client_session_ids", true));
        String session = Api.send(owner, null, "My name is Bob").getString("session_id");

        given().get("/api/chat/{agent}/sessions/{session}/messages", stranger, session)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:agent-sessions:problem:session-not-found"));
        given().post("/api/chat/{agent}/sessions/{session}/end", stranger, session).then().statusCode(404);
        given().delete("/api/chat/{agent}/sessions/{session}", stranger, session).then().statusCode(404);

        JsonPath hijack = Api.send(stranger, session, "What is my name?");
        assertNotEquals(session, hijack.getString("session_id"));
        assertTrue(hijack.getString("reply.content").startsWith("I don't know your name yet"));
        assertEquals(2, db.count("SELECT count(*) FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id "
                + "WHERE s.session_id = ?", session));
    }

    @Test
    void aRetryWithTheSameClientMessageIdIsNotStoredTwice() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Start").getString("session_id");
        Map<String, Object> body = Map.of("message", "Ping", "session_id", session, "client_message_id", "msg-42");
        JsonPath first = Api.send(agent, body);
        JsonPath retry = Api.send(agent, body);

        assertEquals(first.getString("reply.id"), retry.getString("reply.id"));
        assertEquals(4, retry.getInt("message_count"));
        assertEquals(4, db.messagesOfAgent(agent));

        given().contentType(ContentType.JSON)
                .body(Map.of("message", "Something else", "session_id", session, "client_message_id", "msg-42"))
                .post("/api/chat/{agent}/message", agent)
                .then().statusCode(422).body("field", equalTo("client_message_id"));
        assertEquals(4, db.messagesOfAgent(agent));
    }

    @Test
    void historyInTheReplyIsBoundedAndSaysWhenItIsTruncated() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Message 1").getString("session_id");
        JsonPath last = null;
        for (int i = 2; i <= 26; i++) {
            last = Api.send(agent, session, "Message " + i);
        }
        assertEquals(52, last.getInt("message_count"));
        assertEquals(50, last.getList("history").size());
        assertTrue(last.getBoolean("history_truncated"));
        assertEquals(IntStream.rangeClosed(3, 52).boxed().toList(), last.getList("history.seq", Integer.class));

        given().queryParam("after_seq", 0).queryParam("limit", 10)
                .get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                .then().statusCode(200)
                .body("messages", hasSize(10))
                .body("messages[0].seq", equalTo(1))
                .body("next_after_seq", equalTo(10))
                .body("has_more", equalTo(true));
    }

    @Test
    void theClientsOriginAddressAndBrowserAreRecorded() {
        String agent = Api.newAgent();
        String session = given().contentType(ContentType.JSON)
                .header("Origin", "https://Shop.Example.com")
                .header("User-Agent", "TestBrowser/1.0")
                .header("X-Forwarded-For", "203.0.113.9")
                .body(Map.of("message", "Hi", "user_id", "customer-7", "metadata", Map.of("page", "/pricing")))
                .post("/api/chat/{agent}/message", agent)
                .then().statusCode(200).extract().path("session_id");

        List<Object> row = db.rows("""
                SELECT website_domain, ip_address, user_agent, user_id FROM agent_sessions WHERE session_id = ?""",
                session).get(0);
        assertEquals("shop.example.com", row.get(0));
        assertEquals("127.0.0.1", row.get(1), "X-Forwarded-For is ignored unless proxy forwarding is configured");
        assertEquals("TestBrowser/1.0", row.get(2));
        assertEquals("customer-7", row.get(3));
        assertEquals("/pricing", db.single("""
                SELECT m.metadata ->> 'page' FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ? AND m.role = 'user'""", session));
    }
}
