package dev.agentsessions.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionContextTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    @Test
    void aMergePatchRemovesNullKeysMergesObjectsAndReplacesArrays() throws Exception {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, null, null, Map.of("name", "Alice", "plan", "pro",
                "prefs", Map.of("lang", "en", "theme", "dark"), "tags", List.of("a", "b")));

        Map<String, Object> expected = Map.of("name", "Alice",
                "prefs", Map.of("lang", "de", "font", Map.of("size", 14)), "tags", List.of("c"), "visits", 3);
        patch(session, """
                {"plan": null, "prefs": {"theme": null, "lang": "de", "font": {"size": 14}}, "tags": ["c"], "visits": 3}""")
                .statusCode(200)
                .body("", equalTo(expected));

        Api.admin().get("/api/admin/sessions/{id}/context", session).then().statusCode(200).body("", equalTo(expected));
        assertEquals(expected, storedContext(session));
        patch(session, "{}").statusCode(200).body("", equalTo(expected));
    }

    @Test
    void patchesAndChatTurnsNeverLoseEachOthersKeys() throws Exception {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Hello").getString("session_id");
        patch(session, "{\"plan\": \"pro\"}").statusCode(200);
        Api.send(agent, session, "My name is Bob");
        patch(session, "{\"visits\": 2}").statusCode(200).body("name", equalTo("Bob")).body("plan", equalTo("pro"));
        assertEquals(Map.of("name", "Bob", "plan", "pro", "visits", 2), storedContext(session));
    }

    @Test
    void aContextThatWouldOutgrowTheLimitIsRefusedAndNothingChanges() throws Exception {
        String agent = Api.newAgent();
        Map<String, Object> original = Map.of("notes", "n".repeat(10_000));
        String session = TestSessions.start(agent, null, null, original);

        patch(session, "{\"more\": \"" + "m".repeat(10_000) + "\"}").statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("context"))
                .body("detail", containsString("16384"));
        patch(session, "{\"huge\": \"" + "h".repeat(20_000) + "\"}").statusCode(422).body("field", equalTo("context"));
        patch(session, "{\"bad\": \"a\\u0000b\"}").statusCode(422).body("field", equalTo("context"));
        assertEquals(original, storedContext(session));
        patch(session, "{\"notes\": null, \"more\": \"" + "m".repeat(10_000) + "\"}").statusCode(200);
    }

    @Test
    void onlyAJsonObjectAsMergePatchIsAccepted() throws Exception {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, null, null, Map.of("keep", true));

        Api.admin().contentType("application/json").body("{\"keep\": false}")
                .patch("/api/admin/sessions/{id}/context", session)
                .then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Api.ADMIN_KEY).contentType("text/plain").body("keep=false")
                .patch("/api/admin/sessions/{id}/context", session).then().statusCode(415);
        for (String body : new String[] {"[1, 2]", "\"text\"", "{\"keep\": "}) {
            patch(session, body).statusCode(400).contentType("application/problem+json");
        }
        patch(session, "null").statusCode(422).body("field", equalTo("context"));
        assertEquals(Map.of("keep", true), storedContext(session));
    }

    @Test
    void anUnknownOrExpiredSessionHasNoContext() {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, null, null);
        db.execute("UPDATE agent_sessions SET status = 'ended', last_activity_at = now() - interval '25 hours' WHERE session_id = ?", session);

        Api.admin().get("/api/admin/sessions/{id}/context", session).then().statusCode(404)
                .contentType("application/problem+json");
        patch(session, "{\"a\": 1}").statusCode(404);
        Api.admin().get("/api/admin/sessions/{id}/context", "NoSuchSessionIdAtAll0000").then().statusCode(404);
        Api.admin().get("/api/admin/sessions/{id}/context", "bad id").then().statusCode(404);
    }

    private static ValidatableResponse patch(String session, String body) {
        return Api.admin().contentType(MERGE_PATCH).body(body)
                .patch("/api/admin/sessions/{id}/context", session).then();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> storedContext(String session) throws Exception {
        Object stored = db.single("SELECT CAST(context_data AS text) FROM agent_sessions WHERE session_id = ?", session);
        return json.readValue(String.valueOf(stored), Map.class);
    }
}
