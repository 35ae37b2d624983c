package dev.agentsessions.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The website rate limits, each tested on an agent of its own with tiny overrides (the test defaults are
 * high, so other test classes calling from the same address never meet them).
 */
@QuarkusTest
class RateLimitTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Db db;

    private static String agentWithLimits(Map<String, Object> limits) {
        String agent = Api.newAgent();
        Api.admin().body(limits).put("/api/admin/agents/{id}/rate-limits", agent).then().statusCode(200);
        return agent;
    }

    private static Response message(String agent, String sessionId, String text) {
        Map<String, Object> body = new HashMap<>(Map.of("message", text));
        if (sessionId != null) {
            body.put("session_id", sessionId);
        }
        return given().header("Origin", "https://shop.example.com").contentType(ContentType.JSON).body(body)
                .post("/api/chat/{agent}/message", agent);
    }

    /** A 429 problem document with a Retry-After of 1..maxSeconds, readable by the calling page. */
    private static void assertRefused(Response response, int maxSeconds) {
        ExtractableResponse<Response> refused = response.then().statusCode(429).contentType(PROBLEM)
                .body("type", equalTo("urn:agent-sessions:problem:rate-limited"))
                .body("status", equalTo(429))
                .header("Access-Control-Allow-Origin", "https://shop.example.com")
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .extract();
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= maxSeconds, "Retry-After " + retryAfter);
        assertTrue(refused.path("detail").toString().contains("retry after " + retryAfter + " s"));
    }

    @Test
    void requestsFromOneAddressAreLimitedPerAgent() {
        String agent = agentWithLimits(Map.of("ip_requests_per_minute", 3));
        String session = message(agent, null, "one").then().statusCode(200).extract().path("session_id");
        message(agent, session, "two").then().statusCode(200);
        given().get("/api/chat/{agent}/sessions/{s}/messages", agent, session).then().statusCode(200);

        // 3 a minute: one token every 20 s.
        assertRefused(message(agent, session, "three"), 20);
        assertRefused(given().header("Origin", "https://shop.example.com")
                .get("/api/chat/{agent}/sessions/{s}/messages", agent, session), 20);
        assertEquals(4, db.messagesOfAgent(agent));

        // Another agent keeps its own budget for the same address.
        Api.send(Api.newAgent(), null, "still fine");
    }

    @Test
    void requestsNamingOneSessionAreLimited() {
        String agent = agentWithLimits(Map.of("session_requests_per_minute", 2));
        String session = message(agent, null, "one").then().statusCode(200).extract().path("session_id");
        message(agent, session, "two").then().statusCode(200);
        message(agent, session, "three").then().statusCode(200);

        assertRefused(message(agent, session, "four"), 30);
        assertRefused(given().header("Origin", "https://shop.example.com")
                .get("/api/chat/{agent}/sessions/{s}/messages", agent, session), 30);
        assertRefused(given().header("Origin", "https://shop.example.com")
                .delete("/api/chat/{agent}/sessions/{s}", agent, session), 30);
        assertEquals(6, db.count("SELECT message_count FROM agent_sessions WHERE session_id = ?", session));

        // The visitor's other conversations are not held back.
        String other = message(agent, null, "a new conversation").then().statusCode(200).extract().path("session_id");
        message(agent, other, "still fine").then().statusCode(200);
    }

    @Test
    void newSessionsPerAddressAreLimitedSeparately() {
        String agent = agentWithLimits(Map.of("new_sessions_per_ip_per_hour", 2));
        given().contentType(ContentType.JSON).post("/api/chat/{agent}/sessions", agent).then().statusCode(201);
        String session = message(agent, null, "first message").then().statusCode(200).extract().path("session_id");

        // 2 an hour: one more every 30 minutes.
        assertRefused(given().header("Origin", "https://shop.example.com").contentType(ContentType.JSON)
                .post("/api/chat/{agent}/sessions", agent), 1800);
        assertRefused(message(agent, null, "another first message"), 1800);
        assertRefused(message(agent, "NoSuchSessionNoSuchSession", "a gone session starts a new one"), 1800);
        assertEquals(2, db.sessionsOfAgent(agent));
        assertEquals(2, db.messagesOfAgent(agent));

        // Going on in an existing session is not a new session.
        message(agent, session, "carry on").then().statusCode(200).body("session_id", equalTo(session));
    }

    @Test
    void refusalsAreCounted() {
        String agent = agentWithLimits(Map.of("ip_requests_per_minute", 1));
        message(agent, null, "one").then().statusCode(200);
        message(agent, null, "two").then().statusCode(429);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("agent_sessions_rate_limited_total{agent=\"" + agent + "\",limit=\"ip\"} 1.0"));
    }

    @Test
    void operatorsSeeAndChangeAnAgentsLimits() {
        String agent = Api.newAgent();
        Api.admin().get("/api/admin/agents/{id}/rate-limits", agent).then().statusCode(200)
                .body("agent_id", equalTo(agent))
                .body("overrides.ip_requests_per_minute", equalTo(null))
                .body("effective.ip_requests_per_minute", equalTo(1_000_000))
                .body("effective.new_sessions_per_ip_per_hour", equalTo(1_000_000));

        Api.admin().body(Map.of("session_requests_per_minute", 12)).put("/api/admin/agents/{id}/rate-limits", agent)
                .then().statusCode(200)
                .body("overrides.session_requests_per_minute", equalTo(12))
                .body("effective.session_requests_per_minute", equalTo(12))
                .body("effective.ip_requests_per_minute", equalTo(1_000_000));
        assertEquals(12L, db.count("SELECT session_requests_per_minute FROM agent_rate_limits WHERE agent_id = ?", agent));

        Api.admin().delete("/api/admin/agents/{id}/rate-limits", agent).then().statusCode(204);
        Api.admin().get("/api/admin/agents/{id}/rate-limits", agent).then().statusCode(200)
                .body("effective.session_requests_per_minute", equalTo(1_000_000));
        assertEquals(0, db.count("SELECT count(*) FROM agent_rate_limits WHERE agent_id = ?", agent));
    }

    @Test
    void overridesGoWithTheirAgent() {
        String agent = agentWithLimits(Map.of("ip_requests_per_minute", 5));
        Api.admin().delete("/api/admin/agents/{id}", agent).then().statusCode(204);
        assertEquals(0, db.count("SELECT count(*) FROM agent_rate_limits WHERE agent_id = ?", agent));
    }

    @Test
    void badOverridesAreRefusedAndNothingIsStored() {
        String agent = Api.newAgent();
        for (Object bad : new Object[] {0, -1, 1_000_001}) {
            Api.admin().body(Map.of("ip_requests_per_minute", bad)).put("/api/admin/agents/{id}/rate-limits", agent)
                    .then().statusCode(422).contentType(PROBLEM).body("field", equalTo("ip_requests_per_minute"));
        }
        Api.admin().body("{\"new_sessions_per_ip_per_hour\": \"ten\"}").put("/api/admin/agents/{id}/rate-limits", agent)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("new_sessions_per_ip_per_hour"));
        Api.admin().body("{\"requests_per_day\": 5}").put("/api/admin/agents/{id}/rate-limits", agent)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("requests_per_day"));
        Api.admin().body("{\"session_requests_per_minute\": 1.5}").put("/api/admin/agents/{id}/rate-limits", agent)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("session_requests_per_minute"));
        assertEquals(0, db.count("SELECT count(*) FROM agent_rate_limits WHERE agent_id = ?", agent));
    }

    @Test
    void unknownAgentsAndMissingKeysAreRefused() {
        Api.admin().get("/api/admin/agents/{id}/rate-limits", "no_such_agent").then().statusCode(404).contentType(PROBLEM);
        Api.admin().body(Map.of("ip_requests_per_minute", 5)).put("/api/admin/agents/{id}/rate-limits", "no_such_agent")
                .then().statusCode(404).contentType(PROBLEM);
        Api.admin().delete("/api/admin/agents/{id}/rate-limits", "no_such_agent").then().statusCode(404);
        String agent = Api.newAgent();
        given().get("/api/admin/agents/{id}/rate-limits", agent).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("ip_requests_per_minute", 1))
                .put("/api/admin/agents/{id}/rate-limits", agent).then().statusCode(401);
        assertEquals(0, db.count("SELECT count(*) FROM agent_rate_limits WHERE agent_id = ?", agent));
    }
}
