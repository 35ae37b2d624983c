package dev.agentsessions.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Sessions started the way a website starts them, for the operator API's tests to find and change. */
public final class TestSessions {

    private TestSessions() {}

    /** Starts a session from a page on this origin (null: no Origin header), for this user id (may be null). */
    public static String start(String agentId, String origin, String userId) {
        return start(agentId, origin, userId, Map.of());
    }

    public static String start(String agentId, String origin, String userId, Map<String, Object> context) {
        Map<String, Object> body = new HashMap<>();
        body.put("context", context);
        if (userId != null) {
            body.put("user_id", userId);
        }
        var request = given().contentType(ContentType.JSON).header("User-Agent", "test-browser/1.0").body(body);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.post("/api/chat/{agent}/sessions", agentId).then().statusCode(201).extract().path("session_id");
    }

    /** A website domain no other test uses. */
    public static String uniqueDomain() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".example.com";
    }

    /** An agent whose sessions stay for 30 days, so back-dated test sessions are not past retention. */
    public static String longLivedAgent() {
        return Api.newAgent(Map.of("retention_seconds", 30L * 24 * 3600));
    }
}
