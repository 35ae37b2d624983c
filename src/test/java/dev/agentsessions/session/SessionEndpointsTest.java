package dev.agentsessions.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionEndpointsTest {

    private final Db db = new Db();

    @Test
    void theWidgetStartsASessionAndChatsInIt() {
        String agent = Api.newAgent();
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("user_id", "u-1", "context", Map.of("plan", "pro")))
                .post("/api/chat/{agent}/sessions", agent)
                .then().statusCode(201)
                .body("status", equalTo("active"))
                .body("message_count", equalTo(0))
                .body("context.plan", equalTo("pro"))
                .extract().jsonPath();
        String session = created.getString("session_id");
        assertTrue(session.matches("[A-Za-z0-9_-]{32}"));

        JsonPath turn = Api.send(agent, session, "Hi");
        assertEquals(session, turn.getString("session_id"));
        assertEquals("pro", turn.getString("context.plan"));
        assertEquals("u-1", db.single("SELECT user_id FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void aSessionCanBeStartedWithoutABody() {
        String agent = Api.newAgent();
        given().contentType(ContentType.JSON).post("/api/chat/{agent}/sessions", agent).then().statusCode(201).body("message_count", equalTo(0));
        assertEquals(1, db.sessionsOfAgent(agent));
    }

    @Test
    void historyIsRestoredPageByPage() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "one").getString("session_id");
        Api.send(agent, session, "two");
        Api.send(agent, session, "three");

        JsonPath first = given().queryParam("limit", 4)
                .get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                .then().statusCode(200).body("messages", hasSize(4)).body("has_more", equalTo(true))
                .extract().jsonPath();
        given().queryParam("after_seq", first.getInt("next_after_seq")).queryParam("limit", 4)
                .get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                .then().statusCode(200)
                .body("messages.seq", equalTo(List.of(5, 6)))
                .body("messages[0].content", equalTo("three"))
                .body("has_more", equalTo(false));
    }

    @Test
    void endingKeepsHistoryReadableAndTheNextMessageStartsAFreshSession() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "My name is Carol").getString("session_id");

        given().post("/api/chat/{agent}/sessions/{session}/end", agent, session)
                .then().statusCode(200).body("status", equalTo("ended"));
        given().post("/api/chat/{agent}/sessions/{session}/end", agent, session)
                .then().statusCode(200).body("status", equalTo("ended"));
        List<Object> row = db.rows("SELECT status, ended_at IS NOT NULL FROM agent_sessions WHERE session_id = ?", session).get(0);
        assertEquals(List.of("ended", true), row);
        given().get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                .then().statusCode(200).body("messages", hasSize(2));

        JsonPath next = Api.send(agent, session, "What is my name?");
        assertNotEquals(session, next.getString("session_id"));
        assertEquals(session, next.getString("replaced_session_id"));
        assertTrue(next.getString("reply.content").startsWith("I don't know your name yet"));
        assertEquals(2, db.count("SELECT message_count FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void erasingRemovesTheSessionAndEveryMessage() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Forget me").getString("session_id");

        given().delete("/api/chat/{agent}/sessions/{session}", agent, session).then().statusCode(204);
        given().delete("/api/chat/{agent}/sessions/{session}", agent, session).then().statusCode(404);
        given().get("/api/chat/{agent}/sessions/{session}/messages", agent, session).then().statusCode(404);
        assertEquals(0, db.sessionsOfAgent(agent));
        assertEquals(0, db.messagesOfAgent(agent));
    }

    @Test
    void aSessionPastRetentionIsGoneBeforeAnyCleanupRuns() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Old news").getString("session_id");
        makeInactiveSince(session, "25 hours");

        assertGoneAndReplacedByTheNextMessage(agent, session);
    }

    @Test
    void anAgentsShorterRetentionMakesASessionGoneSooner() {
        String agent = Api.newAgent(Map.of("retention_seconds", 3600));
        String session = Api.send(agent, null, "Short memory").getString("session_id");
        makeInactiveSince(session, "2 hours");

        assertGoneAndReplacedByTheNextMessage(agent, session);
    }

    @Test
    void anAgentsLongerRetentionKeepsASessionPastTheDefault() {
        String agent = Api.newAgent(Map.of("retention_seconds", 48 * 3600));
        String session = Api.send(agent, null, "Long memory").getString("session_id");
        makeInactiveSince(session, "25 hours");

        given().get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                .then().statusCode(200).body("messages", hasSize(2));
        assertEquals(session, Api.send(agent, session, "Still me").getString("session_id"));
    }

    @Test
    void anAgentsLongerIdleTimeoutKeepsAQuietSessionActive() {
        String patient = Api.newAgent(Map.of("idle_timeout_seconds", 48 * 3600));
        String plain = Api.newAgent();
        String patientSession = Api.send(patient, null, "Take your time").getString("session_id");
        String plainSession = Api.send(plain, null, "Take your time").getString("session_id");
        db.execute("UPDATE agent_sessions SET last_activity_at = now() - interval '25 hours' WHERE session_id IN (?, ?)",
                patientSession, plainSession);

        given().get("/api/chat/{agent}/sessions/{session}/messages", patient, patientSession)
                .then().statusCode(200).body("messages", hasSize(2));
        given().get("/api/chat/{agent}/sessions/{session}/messages", plain, plainSession).then().statusCode(404);
    }

    @Test
    void anIdleSessionReadsAsInactiveAndAMessageReactivatesIt() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Hi").getString("session_id");
        db.execute("UPDATE agent_sessions SET last_activity_at = now() - interval '31 minutes' WHERE session_id = ?", session);

        JsonPath again = Api.send(agent, session, "Still there?");
        assertEquals(session, again.getString("session_id"));
        assertEquals("active", db.single("SELECT status FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void originsOutsideTheAgentsListAreRefusedAndStoreNothing() {
        String agent = Api.newAgent(Map.of("allowed_origins", List.of("https://shop.example.com", "https://blog.example.com")));
        for (String origin : new String[] {"https://evil.example.net", "null", "https://shop.example.com.evil.net"}) {
            given().contentType(ContentType.JSON).header("Origin", origin).body(Map.of("message", "Hi"))
                    .post("/api/chat/{agent}/message", agent)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:agent-sessions:problem:origin-not-allowed"));
        }
        assertEquals(0, db.sessionsOfAgent(agent));

        String session = given().contentType(ContentType.JSON).header("Origin", "https://shop.example.com")
                .body(Map.of("message", "Hi")).post("/api/chat/{agent}/message", agent)
                .then().statusCode(200).extract().path("session_id");
        given().header("Origin", "https://blog.example.com")
                .get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                .then().statusCode(404);
        given().header("Origin", "https://shop.example.com")
                .get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                .then().statusCode(200).body("messages", hasSize(2));
    }

    private void makeInactiveSince(String session, String interval) {
        db.execute("UPDATE agent_sessions SET status = 'inactive', last_activity_at = now() - CAST(? AS interval) "
                + "WHERE session_id = ?", interval, session);
    }

    private void assertGoneAndReplacedByTheNextMessage(String agent, String session) {
        given().get("/api/chat/{agent}/sessions/{session}/messages", agent, session).then().statusCode(404);
        JsonPath next = Api.send(agent, session, "Hello again");
        assertNotEquals(session, next.getString("session_id"));
        assertEquals(session, next.getString("replaced_session_id"));
    }
}
