package dev.agentsessions.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Small helpers that every HTTP test uses: the operator key, fresh agents, a chat message. */
public final class Api {

    public static final String ADMIN_KEY = "test-admin-key";

    private Api() {}

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON);
    }

    /** A new agent with a unique id, so tests never share data. */
    public static String newAgent(Map<String, Object> settings) {
        String agentId = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Test agent", "backend", Map.of("type", "builtin")));
        body.putAll(settings);
        admin().body(body).put("/api/admin/agents/{id}", agentId).then().statusCode(201);
        return agentId;
    }

    public static String newAgent() {
        return newAgent(Map.of());
    }

    public static JsonPath send(String agentId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/chat/{agent}/message", agentId)
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath send(String agentId, String sessionId, String message) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("message", message);
        if (sessionId != null) {
            body.put("session_id", sessionId);
        }
        return send(agentId, body);
    }
}
