package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.HttpPeer;
import dev.agentsessions.support.WithHttpPeer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The `webhook` backend against a real HTTP server playing the operator's agent peer. */
@QuarkusTest
class WebhookBackendTest extends WithHttpPeer {

    private static String webhookAgent() {
        return Api.newAgent(Map.of("backend",
                Map.of("type", "webhook", "url", peer.url() + "/agent", "secret_env", "AGENT_SECRET_TEST_WEBHOOK")));
    }

    @Test
    void theRuntimeGetsTheTurnSignedAndItsContextPatchIsMerged() throws Exception {
        String agent = webhookAgent();
        String session = given().contentType(ContentType.JSON)
                .body(Map.of("context", Map.of("cart", Map.of("items", 2, "coupon", "X1"), "lang", "en")))
                .post("/api/chat/{agent}/sessions", agent).then().statusCode(201).extract().path("session_id");
        peer.answer(request -> HttpPeer.Answer.json("""
                {"reply": "Added to your cart.", "context_patch": {"cart": {"items": 3, "coupon": null}, "step": "checkout"},
                 "tokens_used": 17}"""));

        JsonPath turn = Api.send(agent, Map.of("message", "Add one more", "session_id", session, "metadata", Map.of("page", "/cart")));

        HttpPeer.Received request = peer.last();
        assertEquals("/agent", request.path());
        JsonPath sent = JsonPath.from(request.body());
        assertEquals(agent, sent.getString("agent_id"));
        assertEquals(session, sent.getString("session_id"));
        assertEquals("Add one more", sent.getString("message"));
        assertEquals(List.of(), sent.getList("history"));
        assertEquals(2, sent.getInt("context.cart.items"));
        assertEquals("/cart", sent.getString("metadata.page"));
        assertSignedWith("whsec-test-secret", request);

        assertEquals("Added to your cart.", turn.getString("reply.content"));
        assertEquals(17, turn.getInt("reply.tokens_used"));
        assertEquals(Map.of("cart", Map.of("items", 3), "lang", "en", "step", "checkout"), turn.getMap("context"));
        assertEquals("{\"cart\": {\"items\": 3}, \"lang\": \"en\", \"step\": \"checkout\"}",
                db.single("SELECT context_data::text FROM agent_sessions WHERE session_id = ?", session));

        Api.send(agent, session, "And now?");
        JsonPath second = JsonPath.from(peer.last().body());
        assertEquals(List.of("user", "assistant"), second.getList("history.role"));
        assertEquals("checkout", second.getString("context.step"));
    }

    @Test
    void anAnswerWithoutAReplyIsABackendFailureAndTheMessageStays() {
        String agent = webhookAgent();
        peer.answer(request -> HttpPeer.Answer.json("{\"text\": \"wrong shape\"}"));

        String session = given().contentType(ContentType.JSON).body(Map.of("message", "Hello"))
                .post("/api/chat/{agent}/message", agent)
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:agent-sessions:problem:backend-failed"))
                .extract().path("session_id");

        assertEquals(List.of(List.of("user", "failed")), db.rows("""
                SELECT m.role, m.reply_status FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ?""", session));
    }

    @Test
    void aWebhookWithoutSecretIsNotSigned() {
        String agent = Api.newAgent(Map.of("backend", Map.of("type", "webhook", "url", peer.url() + "/plain")));
        peer.answer(request -> HttpPeer.Answer.json("{\"reply\": \"ok\"}"));
        Api.send(agent, null, "Hi");
        assertNull(peer.last().header("X-Agent-Sessions-Signature"));
    }

    private static void assertSignedWith(String secret, HttpPeer.Received request) throws Exception {
        String header = request.header("X-Agent-Sessions-Signature");
        String timestamp = header.substring(2, header.indexOf(','));
        String signature = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, signature);
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 60);
    }
}
