package dev.agentsessions.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperatorApiDocumentationTest {

    /** Each operator operation of the sessions and analytics API, with every status code it can answer. */
    private static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("get /api/admin/sessions", List.of("200", "401", "422")),
            Map.entry("delete /api/admin/sessions", List.of("200", "401", "422")),
            Map.entry("get /api/admin/sessions/{sessionId}", List.of("200", "401", "404")),
            Map.entry("delete /api/admin/sessions/{sessionId}", List.of("204", "401", "404")),
            Map.entry("post /api/admin/sessions/{sessionId}/end", List.of("200", "401", "404")),
            Map.entry("get /api/admin/sessions/{sessionId}/export", List.of("200", "401", "404")),
            Map.entry("get /api/admin/sessions/{sessionId}/context", List.of("200", "401", "404")),
            Map.entry("patch /api/admin/sessions/{sessionId}/context", List.of("200", "400", "401", "404", "413", "415", "422")),
            Map.entry("get /api/admin/sessions/{sessionId}/messages", List.of("200", "401", "404", "422")),
            Map.entry("post /api/admin/sessions/{sessionId}/messages", List.of("201", "400", "401", "404", "409", "413", "415", "422")),
            Map.entry("get /api/admin/agents/{agentId}/stats", List.of("200", "401", "404", "422")),
            Map.entry("get /api/admin/stats", List.of("200", "401", "422")));

    @Test
    void everyOperatorOperationHasASummaryEveryStatusCodeAndAnExample() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        OPERATIONS.forEach((operation, codes) -> {
            String[] methodAndPath = operation.split(" ");
            Map<String, Object> op = openApi.getMap("paths.'" + methodAndPath[1] + "'." + methodAndPath[0]);
            assertNotNull(op, operation + " is documented");
            assertFalse(String.valueOf(op.get("summary")).isBlank(), operation + " has a summary");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
            assertTrue(responses.keySet().containsAll(codes), operation + " documents " + codes + " but has " + responses.keySet());
            Map<String, Object> success = responses.get(codes.get(0));
            assertTrue(codes.get(0).equals("204") || String.valueOf(success.get("content")).contains("examples"),
                    operation + " shows an example answer");
        });
    }
}
