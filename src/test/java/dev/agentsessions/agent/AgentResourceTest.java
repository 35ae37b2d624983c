package dev.agentsessions.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentResourceTest {

    private final Db db = new Db();

    @Test
    void theOperatorApiNeedsAValidKey() {
        given().get("/api/admin/agents").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"agent-sessions\""));
        given().header("Authorization", "Bearer wrong").get("/api/admin/agents").then().statusCode(401);
        given().header("Authorization", "Basic " + Api.ADMIN_KEY).get("/api/admin/agents").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON)
                .body(Map.of("name", "x", "backend", Map.of("type", "builtin")))
                .put("/api/admin/agents/sneaky").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").delete("/api/admin/agents/demo").then().statusCode(401);
        assertEquals(0, db.count("SELECT count(*) FROM agents WHERE agent_id = 'sneaky'"));
        given().header("Authorization", "Bearer second-test-key").get("/api/admin/agents").then().statusCode(200);
    }

    @Test
    void theDemoAgentExistsAtStartUp() {
        Api.admin().get("/api/admin/agents/demo").then().statusCode(200)
                .body("backend.type", equalTo("builtin"))
                .body("history_window", equalTo(20));
        Api.admin().get("/api/admin/agents").then().statusCode(200).body("agent_id", hasItem("demo"));
    }

    @Test
    void agentsAreCreatedReplacedReadAndDeleted() {
        String id = "agent_crud_1";
        Map<String, Object> body = Map.of("name", "Support bot", "backend", Map.of("type", "builtin"),
                "allowed_origins", List.of("https://Shop.Example.com:443", "http://localhost:3000"),
                "history_window", 12, "accept_client_session_ids", true);
        Api.admin().body(body).put("/api/admin/agents/{id}", id).then().statusCode(201)
                .body("agent_id", equalTo(id))
                .body("allowed_origins", equalTo(List.of("https://shop.example.com", "http://localhost:3000")))
                .body("history_window", equalTo(12))
                .body("accept_client_session_ids", equalTo(true));

        Api.admin().body(Map.of("name", "Support bot v2", "backend", Map.of("type", "builtin")))
                .put("/api/admin/agents/{id}", id).then().statusCode(200)
                .body("name", equalTo("Support bot v2"))
                .body("allowed_origins", equalTo(List.of()))
                .body("history_window", equalTo(20))
                .body("accept_client_session_ids", equalTo(false));

        Api.send(id, null, "Hi");
        Api.admin().delete("/api/admin/agents/{id}", id).then().statusCode(204);
        Api.admin().get("/api/admin/agents/{id}", id).then().statusCode(404).contentType("application/problem+json");
        Api.admin().delete("/api/admin/agents/{id}", id).then().statusCode(404);
        assertEquals(0, db.sessionsOfAgent(id));
    }

    @Test
    void invalidAgentsAreRefusedAndNotStored() {
        Api.admin().body(Map.of("name", "x", "backend", Map.of("type", "builtin")))
                .put("/api/admin/agents/{id}", "has spaces!").then().statusCode(422).body("field", equalTo("agent_id"));
        Api.admin().body(Map.of("name", "x", "backend", Map.of("type", "telepathy")))
                .put("/api/admin/agents/bad_backend").then().statusCode(422).body("field", equalTo("backend.type"));
        Api.admin().body(Map.of("name", "x", "backend", Map.of("type", "builtin"), "allowed_origins", List.of("https://a.com/path")))
                .put("/api/admin/agents/bad_origin").then().statusCode(422).body("field", equalTo("allowed_origins[0]"));
        Api.admin().body(Map.of("backend", Map.of("type", "builtin")))
                .put("/api/admin/agents/no_name").then().statusCode(422).body("field", equalTo("name"));
        Api.admin().body(Map.of("name", "x", "backend", Map.of("type", "builtin"), "history_window", 0))
                .put("/api/admin/agents/bad_window").then().statusCode(422).body("field", equalTo("history_window"));
        Api.admin().body(Map.of("name", "x", "backend", Map.of("type", "builtin"), "api_key", "secret"))
                .put("/api/admin/agents/unknown_field").then().statusCode(400).body("field", equalTo("api_key"));
        assertEquals(0, db.count("SELECT count(*) FROM agents WHERE agent_id IN "
                + "('bad_backend', 'bad_origin', 'no_name', 'bad_window', 'unknown_field')"));
    }
}
