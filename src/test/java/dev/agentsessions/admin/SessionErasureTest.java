package dev.agentsessions.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionErasureTest {

    @Inject
    Db db;

    @Test
    void oneSessionIsErasedWithEveryMessage() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Forget me").getString("session_id");
        String kept = Api.send(agent, null, "Keep me").getString("session_id");

        Api.admin().delete("/api/admin/sessions/{id}", session).then().statusCode(204);
        Api.admin().delete("/api/admin/sessions/{id}", session).then().statusCode(404).contentType("application/problem+json");
        Api.admin().get("/api/admin/sessions/{id}", session).then().statusCode(404);
        assertEquals(List.of(kept), db.column("SELECT session_id FROM agent_sessions WHERE agent_id = ?", agent));
        assertEquals(2, db.messagesOfAgent(agent));
    }

    @Test
    void aSessionPastRetentionIsStillErasedOnRequest() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Old").getString("session_id");
        db.execute("UPDATE agent_sessions SET status = 'inactive', last_activity_at = now() - interval '25 hours' WHERE session_id = ?", session);

        Api.admin().get("/api/admin/sessions/{id}", session).then().statusCode(404);
        Api.admin().delete("/api/admin/sessions/{id}", session).then().statusCode(204);
        assertEquals(0, db.sessionsOfAgent(agent));
        assertEquals(0, db.messagesOfAgent(agent));
    }

    @Test
    void bulkDeleteRemovesExactlyTheMatchingSessionsInBatchesAndCountsThem() {
        String agent = TestSessions.longLivedAgent();
        String domain = TestSessions.uniqueDomain();
        List<String> endedLongAgo = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String session = Api.send(agent, null, "old " + i).getString("session_id");
            db.execute("UPDATE agent_sessions SET status = 'ended', ended_at = now() - interval '3 days', "
                    + "last_activity_at = now() - interval '3 days' WHERE session_id = ?", session);
            endedLongAgo.add(session);
        }
        String endedToday = Api.send(agent, null, "recent").getString("session_id");
        Api.admin().post("/api/admin/sessions/{id}/end", endedToday).then().statusCode(200);
        String active = TestSessions.start(agent, "https://" + domain, null);
        String otherAgents = TestSessions.start(Api.newAgent(), "https://" + domain, null);

        Api.admin().queryParam("agent_id", agent).queryParam("ended_before", "2000-01-01")
                .delete("/api/admin/sessions").then().statusCode(200).body("deleted", equalTo(0));
        Api.admin().queryParam("agent_id", agent).queryParam("ended_before", java.time.Instant.now().minusSeconds(86_400).toString())
                .delete("/api/admin/sessions").then().statusCode(200).body("deleted", equalTo(12));
        assertEquals(0, db.count("SELECT count(*) FROM agent_sessions WHERE session_id = ANY(?)", (Object) endedLongAgo.toArray(new String[0])));
        assertEquals(2, db.messagesOfAgent(agent));

        Api.admin().queryParam("website_domain", domain).delete("/api/admin/sessions").then().statusCode(200)
                .body("deleted", equalTo(2));
        assertEquals(List.of(endedToday), db.column("SELECT session_id FROM agent_sessions WHERE agent_id = ?", agent));
        assertEquals(0, db.count("SELECT count(*) FROM agent_sessions WHERE session_id IN (?, ?)", active, otherAgents));
    }

    @Test
    void bulkDeleteNeedsAFilterAndRefusesBadOnes() {
        String agent = Api.newAgent();
        TestSessions.start(agent, null, null);

        Api.admin().delete("/api/admin/sessions").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("filter"));
        Api.admin().queryParam("agent_id", agent).queryParam("ended_before", "last week").delete("/api/admin/sessions")
                .then().statusCode(422).body("field", equalTo("ended_before"));
        Api.admin().queryParam("agent_id", agent).queryParam("status", "gone").delete("/api/admin/sessions")
                .then().statusCode(422).body("field", equalTo("status"));
        assertEquals(1, db.sessionsOfAgent(agent));
    }

    @Test
    void anExportOfTenThousandMessagesStreamsTheWholeSession() {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, "https://" + TestSessions.uniqueDomain(), "u-export", Map.of("name", "Alice"));
        db.execute("""
                WITH s AS (UPDATE agent_sessions SET message_count = 10000, tokens_used = 50000 WHERE session_id = ? RETURNING id)
                INSERT INTO agent_messages (session_id, seq, role, content, tokens_used, metadata)
                SELECT s.id, g, CASE WHEN g % 2 = 1 THEN 'user' ELSE 'assistant' END, 'message number ' || g,
                       CASE WHEN g % 2 = 0 THEN 10 END, jsonb_build_object('n', g)
                  FROM s, generate_series(1, 10000) g""", session);

        Response response = Api.admin().get("/api/admin/sessions/{id}/export", session);
        response.then().statusCode(200)
                .contentType("application/json")
                .header("Transfer-Encoding", "chunked")
                .header("Content-Disposition", containsString("session-" + session + ".json"));
        assertNull(response.header("Content-Length"), "streamed, not buffered to learn its length");

        JsonPath export = response.jsonPath();
        assertEquals(session, export.getString("session.session_id"));
        assertEquals("Alice", export.getString("session.context.name"));
        assertEquals("u-export", export.getString("session.user_id"));
        assertEquals(10_000, export.getInt("session.message_count"));
        assertEquals(50_000, export.getLong("session.tokens_used"));
        List<Integer> seqs = export.getList("messages.seq");
        assertEquals(IntStream.rangeClosed(1, 10_000).boxed().toList(), seqs);
        assertEquals("message number 9999", export.getString("messages[9998].content"));
        assertEquals("assistant", export.getString("messages[9999].role"));
        assertEquals(10, export.getInt("messages[9999].tokens_used"));
        assertEquals(10_000, export.getInt("messages[9999].metadata.n"));
        Api.admin().get("/api/admin/sessions/{id}/export", "NoSuchSessionIdAtAll0000").then().statusCode(404);
    }

    @Test
    void theOperatorReadsAndEndsOneSession() {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, "https://" + TestSessions.uniqueDomain(), "u-9", Map.of("plan", "pro"));
        Api.send(agent, session, "Hi");

        Api.admin().get("/api/admin/sessions/{id}", session).then().statusCode(200)
                .body("session_id", equalTo(session))
                .body("status", equalTo("active"))
                .body("message_count", equalTo(2))
                .body("context.plan", equalTo("pro"))
                .body("user_id", equalTo("u-9"))
                .body("ip_address", equalTo("127.0.0.1"));
        Api.admin().post("/api/admin/sessions/{id}/end", session).then().statusCode(200)
                .body("status", equalTo("ended")).body("ended_at", notNullValue());
        Api.admin().post("/api/admin/sessions/{id}/end", session).then().statusCode(200).body("status", equalTo("ended"));
        assertEquals("ended", db.single("SELECT status FROM agent_sessions WHERE session_id = ?", session));
        Api.admin().post("/api/admin/sessions/{id}/end", "NoSuchSessionIdAtAll0000").then().statusCode(404);
    }
}
