package dev.agentsessions.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionMessagesTest {

    @Inject
    Db db;

    @Test
    void aRuntimeAppendsSeveralMessagesInOrderAndReadsThemBack() {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, null, null);

        append(session, List.of(
                Map.of("role", "user", "content", "Where is my order?", "audio_url", "https://cdn.example.com/a/1.ogg",
                        "metadata", Map.of("channel", "voice")),
                Map.of("role", "tool", "content", "{\"order\": 991, \"state\": \"shipped\"}"),
                Map.of("role", "assistant", "content", "It shipped this morning.", "tokens_used", 42),
                Map.of("role", "system", "content", "Conversation summarised")))
                .statusCode(201)
                .body("session_id", equalTo(session))
                .body("message_count", equalTo(4))
                .body("messages.seq", equalTo(List.of(1, 2, 3, 4)))
                .body("messages.role", equalTo(List.of("user", "tool", "assistant", "system")))
                .body("messages[0].audio_url", equalTo("https://cdn.example.com/a/1.ogg"))
                .body("messages[0].metadata.channel", equalTo("voice"))
                .body("messages[2].tokens_used", equalTo(42));

        assertEquals(List.of(List.of(4, 42L)), db.rows("SELECT message_count, tokens_used FROM agent_sessions WHERE session_id = ?", session));
        assertEquals(List.of("user", "tool", "assistant", "system"), db.column("""
                SELECT m.role FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                 WHERE s.session_id = ? ORDER BY m.seq""", session));

        Api.admin().get("/api/admin/sessions/{id}/messages", session).then().statusCode(200)
                .body("messages.seq", equalTo(List.of(1, 2, 3, 4))).body("has_more", equalTo(false))
                .body("next_after_seq", equalTo(4));
        Api.admin().queryParam("after_seq", 1).queryParam("limit", 2).get("/api/admin/sessions/{id}/messages", session)
                .then().statusCode(200)
                .body("messages.seq", equalTo(List.of(2, 3))).body("has_more", equalTo(true)).body("next_after_seq", equalTo(3));
        Api.admin().queryParam("after_seq", 1).queryParam("before_seq", 3).get("/api/admin/sessions/{id}/messages", session)
                .then().statusCode(200).body("messages.seq", equalTo(List.of(2))).body("has_more", equalTo(false));
        Api.admin().queryParam("before_seq", 4).queryParam("limit", 2).get("/api/admin/sessions/{id}/messages", session)
                .then().statusCode(200)
                .body("messages.seq", equalTo(List.of(2, 3))).body("has_more", equalTo(true)).body("next_before_seq", equalTo(2));
        Api.admin().queryParam("before_seq", 2).queryParam("limit", 2).get("/api/admin/sessions/{id}/messages", session)
                .then().statusCode(200).body("messages.seq", equalTo(List.of(1))).body("has_more", equalTo(false));
    }

    @Test
    void appendsInterleavedWithChatTurnsKeepSeqUniqueGapFreeAndEachBatchTogether() throws Exception {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "start").getString("session_id");
        int writers = 4;
        int rounds = 4;
        int batch = 3;

        ExecutorService pool = Executors.newFixedThreadPool(2 * writers);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        Api.send(agent, session, "turn " + writer + "/" + r);
                    }
                }));
                work.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        String tag = writer + "/" + r;
                        List<Map<String, Object>> messages = IntStream.range(0, batch)
                                .mapToObj(i -> Map.<String, Object>of("role", "tool", "content", "batch " + tag + " #" + i,
                                        "metadata", Map.of("batch", tag)))
                                .toList();
                        append(session, messages).statusCode(201);
                    }
                }));
            }
            for (Future<?> task : work) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int expected = 2 + writers * rounds * 2 + writers * rounds * batch;
        List<Object> seqs = db.column("""
                SELECT m.seq FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                 WHERE s.session_id = ? ORDER BY m.seq""", session);
        assertEquals(IntStream.rangeClosed(1, expected).boxed().toList(), seqs);
        assertEquals((long) expected, db.count("SELECT message_count FROM agent_sessions WHERE session_id = ?", session));
        List<List<Object>> batches = db.rows("""
                SELECT m.metadata ->> 'batch', max(m.seq) - min(m.seq), count(*)
                  FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                 WHERE s.session_id = ? AND m.role = 'tool' GROUP BY 1""", session);
        assertEquals(writers * rounds, batches.size());
        batches.forEach(row -> assertEquals(List.of(batch - 1, (long) batch), row.subList(1, 3), "batch " + row.get(0) + " is contiguous"));
    }

    @Test
    void invalidMessagesAreRefusedNamingTheFieldAndNothingIsStored() {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, null, null);
        Map<String, Object> good = Map.of("role", "user", "content", "fine");

        append(session, List.of(good, Map.of("role", "robot", "content", "beep"))).statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("messages[1].role"));
        append(session, List.of(Map.of("role", "user", "content", " "))).statusCode(422).body("field", equalTo("messages[0].content"));
        append(session, List.of(Map.of("role", "user", "content", "x".repeat(8_001)))).statusCode(422)
                .body("field", equalTo("messages[0].content"));
        append(session, List.of(Map.of("content", "no role"))).statusCode(422).body("field", equalTo("messages[0].role"));
        append(session, List.of(good, Map.of("role", "user", "content", "x", "tokens_used", -1))).statusCode(422)
                .body("field", equalTo("messages[1].tokens_used"));
        append(session, List.of(Map.of("role", "user", "content", "x", "audio_url", "ftp://files/1.ogg"))).statusCode(422)
                .body("field", equalTo("messages[0].audio_url"));
        append(session, List.of(Map.of("role", "user", "content", "x", "metadata", Map.of("blob", "b".repeat(5_000)))))
                .statusCode(422).body("field", equalTo("messages[0].metadata"));
        append(session, List.of()).statusCode(422).body("field", equalTo("messages"));
        append(session, Collections.nCopies(101, good)).statusCode(422).body("field", equalTo("messages"));
        Map<String, Object> nullItem = new HashMap<>();
        nullItem.put("messages", Collections.singletonList(null));
        Api.admin().body(nullItem).post("/api/admin/sessions/{id}/messages", session).then().statusCode(422)
                .body("field", equalTo("messages[0]"));
        append(session, List.of(Map.of("role", "user", "content", "x", "seq", 7))).statusCode(400).body("field", equalTo("messages[0].seq"));
        Api.admin().body("{\"messages\": [").post("/api/admin/sessions/{id}/messages", session).then().statusCode(400);
        given().header("Authorization", "Bearer " + Api.ADMIN_KEY).contentType(ContentType.TEXT).body("hello")
                .post("/api/admin/sessions/{id}/messages", session).then().statusCode(415).contentType("application/problem+json");
        Api.admin().body(Map.of("messages", List.of(Map.of("role", "user", "content", "y".repeat(70_000)))))
                .post("/api/admin/sessions/{id}/messages", session).then().statusCode(413);

        assertEquals(0, db.messagesOfAgent(agent));
        assertEquals(0L, db.count("SELECT message_count FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void badRangesAreRefusedAndAnEndedSessionTakesNoMessages() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Hi").getString("session_id");

        for (String[] query : new String[][] {{"after_seq", "-1"}, {"before_seq", "0"}, {"limit", "0"}, {"limit", "201"},
                {"after_seq", "one"}}) {
            Api.admin().queryParam(query[0], query[1]).get("/api/admin/sessions/{id}/messages", session)
                    .then().statusCode(422).contentType("application/problem+json").body("field", equalTo(query[0]));
        }
        Api.admin().queryParam("after_seq", 3).queryParam("before_seq", 3).get("/api/admin/sessions/{id}/messages", session)
                .then().statusCode(422).body("field", equalTo("before_seq"));

        Api.admin().post("/api/admin/sessions/{id}/end", session).then().statusCode(200);
        append(session, List.of(Map.of("role", "user", "content", "too late"))).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:agent-sessions:problem:session-ended"));
        append("NoSuchSessionIdAtAll0000", List.of(Map.of("role", "user", "content", "x"))).statusCode(404);
        Api.admin().get("/api/admin/sessions/{id}/messages", session).then().statusCode(200).body("messages", hasSize(2));
        assertEquals(2, db.messagesOfAgent(agent));
    }

    private static ValidatableResponse append(String session, List<? extends Map<String, ?>> messages) {
        return Api.admin().body(Map.of("messages", messages)).post("/api/admin/sessions/{id}/messages", session).then();
    }
}
