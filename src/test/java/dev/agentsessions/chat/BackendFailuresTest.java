package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.HttpPeer;
import dev.agentsessions.support.WithHttpPeer;
import dev.agentsessions.support.OpenAiWire;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each failure mode of a backend, its status and problem, and what stays stored. */
@QuarkusTest
class BackendFailuresTest extends WithHttpPeer {

    private static String agentAt(String baseUrl, int timeoutSeconds) {
        return Api.newAgent(Map.of("backend", Map.of("type", "openai", "base_url", baseUrl, "model", "m",
                "timeout_seconds", timeoutSeconds)));
    }

    private static ValidatableResponse send(String agent, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/chat/{agent}/message", agent)
                .then();
    }

    @Test
    void anErrorAnswerIs502AndARetryFinishesTheTurnWithoutADuplicate() {
        String agent = agentAt(peer.url(), 5);
        peer.answer(request -> HttpPeer.Answer.status(500, "{\"error\":\"overloaded\"}"));
        Map<String, Object> first = Map.of("message", "Hello?", "client_message_id", "c-1");

        String session = send(agent, first).statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:agent-sessions:problem:backend-failed"))
                .body("session_id", notNullValue())
                .extract().path("session_id");
        assertEquals("failed", db.single("""
                SELECT m.reply_status FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ? AND m.seq = 1""", session));

        peer.answer(request -> OpenAiWire.completion("Back again", 5, 2));
        peer.forget();
        send(agent, Map.of("message", "Hello?", "client_message_id", "c-1", "session_id", session))
                .statusCode(200).body("reply.content", equalTo("Back again")).body("message_count", equalTo(2));
        assertEquals(1, peer.received().size());
        assertEquals(2, db.messagesOfAgent(agent));
    }

    @Test
    void aSlowBackendIs504AtTheAgentsTimeout() {
        String agent = agentAt(peer.url(), 1);
        peer.answer(request -> OpenAiWire.completion("Too late", 1, 1).delayed(3_000));

        long started = System.nanoTime();
        send(agent, Map.of("message", "Quick!")).statusCode(504)
                .body("type", equalTo("urn:agent-sessions:problem:backend-timeout"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2_900, "answered after " + millis + " ms");
        assertEquals(1, db.messagesOfAgent(agent));
    }

    @Test
    void aRefusedConnectionIsRetriedThen502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String agent = agentAt("http://127.0.0.1:" + closedPort, 2);
        send(agent, Map.of("message", "Anyone?")).statusCode(502)
                .body("type", equalTo("urn:agent-sessions:problem:backend-failed"));
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("agent_sessions_backend_errors_total{agent=\"" + agent + "\",backend=\"openai\",kind=\"failed\"} 1.0"),
                "one failed turn, however many connection attempts");
    }

    @Test
    void theCircuitOpensAnswers503WithoutCallingTheBackendThenClosesAgain() throws Exception {
        String agent = agentAt(peer.url(), 5);
        peer.answer(request -> HttpPeer.Answer.status(503, "{}"));
        for (int i = 0; i < 4; i++) {
            send(agent, Map.of("message", "try " + i)).statusCode(502);
        }
        peer.forget();

        send(agent, Map.of("message", "once more")).statusCode(503)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("urn:agent-sessions:problem:backend-unavailable"));
        assertEquals(0, peer.received().size(), "an open circuit does not call the backend");

        peer.answer(request -> OpenAiWire.completion("Recovered", 1, 1));
        int status = 0;
        for (int attempt = 0; attempt < 30 && status != 200; attempt++) {
            Thread.sleep(200);
            status = send(agent, Map.of("message", "after the rest")).extract().statusCode();
        }
        assertEquals(200, status, "the circuit closed again once the backend answered");
    }
}
