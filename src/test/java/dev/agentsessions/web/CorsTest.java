package dev.agentsessions.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS per agent, as a browser sees it: preflights and the headers of actual answers. */
@QuarkusTest
class CorsTest {

    private static final String SHOP = "https://shop.example.com";
    private static final String OTHER = "https://evil.example.net";

    @Inject
    Db db;

    private static String restrictedAgent() {
        return Api.newAgent(Map.of("allowed_origins", List.of(SHOP, "http://localhost:3000")));
    }

    private static ValidatableResponse preflight(String agent, String origin, String method) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/chat/{agent}/message", agent).then();
    }

    private static ValidatableResponse sendFrom(String agent, String origin) {
        return given().header("Origin", origin).contentType(ContentType.JSON).body(Map.of("message", "Hi"))
                .post("/api/chat/{agent}/message", agent).then();
    }

    private static void assertNoCors(ValidatableResponse response) {
        response.header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsThatOriginBack() {
        String agent = restrictedAgent();
        preflight(agent, SHOP, "POST").statusCode(204)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Vary", containsString("Origin"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Methods", containsString("DELETE"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsString("Accept"))
                .header("Access-Control-Max-Age", "600");
        preflight(agent, "http://localhost:3000", "DELETE").statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedWithoutCorsHeaders() {
        String agent = restrictedAgent();
        for (String origin : List.of(OTHER, "null", "http://shop.example.com", "https://shop.example.com.evil.net",
                "http://localhost:3001", "not an origin")) {
            ValidatableResponse refused = preflight(agent, origin, "POST").statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:agent-sessions:problem:origin-not-allowed"))
                    .header("Vary", containsString("Origin"));
            assertNoCors(refused);
        }
    }

    @Test
    void anAgentWithoutAllowedOriginsAnswersEveryOrigin() {
        String agent = Api.newAgent();
        preflight(agent, OTHER, "POST").statusCode(204).header("Access-Control-Allow-Origin", OTHER);
        preflight(agent, "null", "POST").statusCode(204).header("Access-Control-Allow-Origin", "null");
        sendFrom(agent, "http://127.0.0.1:5173").statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:5173")
                .header("Vary", containsString("Origin"));
        assertNoCors(preflight(agent, "javascript:alert(1)", "POST").statusCode(403));
    }

    @Test
    void anAllowedOriginReadsAnswersAndErrorsWithRetryAfterExposed() {
        String agent = restrictedAgent();
        String session = sendFrom(agent, SHOP).statusCode(200)
                .header("Access-Control-Allow-Origin", SHOP)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Vary", containsString("Origin"))
                .extract().path("session_id");
        // Refusals must be readable too, or the page only sees a network error.
        given().header("Origin", SHOP).contentType(ContentType.JSON).body(Map.of("message", ""))
                .post("/api/chat/{agent}/message", agent)
                .then().statusCode(422).header("Access-Control-Allow-Origin", SHOP);
        given().header("Origin", SHOP).get("/api/chat/{agent}/sessions/{s}/messages", agent, "x".repeat(32))
                .then().statusCode(404).header("Access-Control-Allow-Origin", SHOP);
        given().header("Origin", SHOP).get("/api/chat/{agent}/sessions/{s}/messages", agent, session)
                .then().statusCode(200).header("Access-Control-Allow-Origin", SHOP).body("messages.size()", equalTo(2));
        given().header("Origin", SHOP).delete("/api/chat/{agent}/sessions/{s}", agent, session)
                .then().statusCode(204).header("Access-Control-Allow-Origin", SHOP);
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAnd403AndNothingIsStored() {
        String agent = restrictedAgent();
        String session = sendFrom(agent, SHOP).statusCode(200).extract().path("session_id");
        for (String origin : List.of(OTHER, "null")) {
            assertNoCors(sendFrom(agent, origin).statusCode(403)
                    .body("type", equalTo("urn:agent-sessions:problem:origin-not-allowed")));
            assertNoCors(given().header("Origin", origin).contentType(ContentType.JSON)
                    .post("/api/chat/{agent}/sessions", agent).then().statusCode(403));
            assertNoCors(given().header("Origin", origin)
                    .post("/api/chat/{agent}/sessions/{s}/end", agent, session).then().statusCode(403));
            assertNoCors(given().header("Origin", origin)
                    .delete("/api/chat/{agent}/sessions/{s}", agent, session).then().statusCode(403));
            assertNoCors(given().header("Origin", origin)
                    .get("/api/chat/{agent}/sessions/{s}/messages", agent, session).then().statusCode(403));
        }
        assertEquals(1, db.sessionsOfAgent(agent));
        assertEquals(2, db.messagesOfAgent(agent));
        assertEquals("active", db.single("SELECT status FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void aCallWithoutOriginGetsNoCorsHeadersButVary() {
        String agent = restrictedAgent();
        ValidatableResponse answer = given().contentType(ContentType.JSON).body(Map.of("message", "Hi"))
                .post("/api/chat/{agent}/message", agent).then().statusCode(200)
                .header("Vary", containsString("Origin"));
        assertNoCors(answer);
    }

    @Test
    void anUnknownAgentGetsNoCorsHeaders() {
        assertNoCors(preflight("no_such_agent_here", SHOP, "POST").statusCode(404)
                .body("type", equalTo("urn:agent-sessions:problem:agent-not-found")));
        assertNoCors(sendFrom("no_such_agent_here", SHOP).statusCode(404));
        assertNoCors(sendFrom("bad%20id", SHOP).statusCode(404));
    }

    @Test
    void aChangedOriginListAppliesWithinTheCacheTime() throws InterruptedException {
        String agent = restrictedAgent();
        preflight(agent, OTHER, "POST").statusCode(403);
        Api.admin().body(Map.of("name", "Test agent", "backend", Map.of("type", "builtin"),
                        "allowed_origins", List.of(OTHER)))
                .put("/api/admin/agents/{id}", agent).then().statusCode(200);
        long changed = System.nanoTime();
        // agent-sessions.websites.agent-cache-ttl is 1s in tests: the change must show within it (plus slack).
        while (preflight(agent, OTHER, "POST").extract().statusCode() != 204) {
            assertTrue(System.nanoTime() - changed < 5_000_000_000L, "the new origin list did not apply within 5 s");
            Thread.sleep(100);
        }
        preflight(agent, SHOP, "POST").statusCode(403);
        sendFrom(agent, OTHER).statusCode(200).header("Access-Control-Allow-Origin", OTHER);
    }

    @Test
    void theBrowserClientMayBeImportedFromAnyWebsite() {
        given().header("Origin", OTHER).get("/sdk/agent-sessions.js").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .contentType(containsString("javascript"))
                .body(containsString("export function createClient"));
    }
}
