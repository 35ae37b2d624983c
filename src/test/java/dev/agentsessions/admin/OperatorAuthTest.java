package dev.agentsessions.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.TestSessions;
import io.restassured.http.Method;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperatorAuthTest {

    @Inject
    Db db;

    @Test
    void everyOperatorOperationNeedsAValidKeyAndChangesNothingWithout() {
        String agent = Api.newAgent();
        String session = TestSessions.start(agent, null, null, Map.of("keep", true));
        List<Object[]> operations = List.of(
                new Object[] {Method.GET, "/api/admin/sessions?agent_id=" + agent, null, null},
                new Object[] {Method.DELETE, "/api/admin/sessions?agent_id=" + agent, null, null},
                new Object[] {Method.GET, "/api/admin/sessions/" + session, null, null},
                new Object[] {Method.DELETE, "/api/admin/sessions/" + session, null, null},
                new Object[] {Method.POST, "/api/admin/sessions/" + session + "/end", null, null},
                new Object[] {Method.GET, "/api/admin/sessions/" + session + "/export", null, null},
                new Object[] {Method.GET, "/api/admin/sessions/" + session + "/context", null, null},
                new Object[] {Method.PATCH, "/api/admin/sessions/" + session + "/context", "application/merge-patch+json", "{\"keep\": null}"},
                new Object[] {Method.GET, "/api/admin/sessions/" + session + "/messages", null, null},
                new Object[] {Method.POST, "/api/admin/sessions/" + session + "/messages", "application/json",
                        "{\"messages\": [{\"role\": \"user\", \"content\": \"sneaky\"}]}"},
                new Object[] {Method.GET, "/api/admin/agents/" + agent + "/stats", null, null},
                new Object[] {Method.GET, "/api/admin/stats", null, null});

        for (Object[] op : operations) {
            for (String authorization : new String[] {null, "Bearer wrong-key", "Basic " + Api.ADMIN_KEY}) {
                var request = given();
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                if (op[2] != null) {
                    request.contentType((String) op[2]).body(op[3]);
                }
                request.request((Method) op[0], (String) op[1]).then()
                        .statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", equalTo("Bearer realm=\"agent-sessions\""));
            }
        }
        assertEquals(List.of(List.of("active", 0, "{\"keep\": true}")), db.rows(
                "SELECT status, message_count, CAST(context_data AS text) FROM agent_sessions WHERE session_id = ?", session));
        assertEquals(0, db.messagesOfAgent(agent));
    }
}
