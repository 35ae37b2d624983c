package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.WithHttpPeer;
import dev.agentsessions.support.OpenAiWire;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Retries by client_message_id or Idempotency-Key: the backend is called once, nothing is stored twice. */
@QuarkusTest
class IdempotencyTest extends WithHttpPeer {

    private static String agent() {
        return Api.newAgent(Map.of("backend", Map.of("type", "openai", "base_url", peer.url(), "model", "m")));
    }

    @Test
    void anAnsweredKeyReturnsTheStoredReplyWithoutCallingTheBackend() {
        String agent = agent();
        peer.answer(request -> OpenAiWire.completion("Stored answer", 3, 2));
        String session = Api.send(agent, null, "start").getString("session_id");
        peer.forget();

        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", "key-7")
                    .body(Map.of("message", "Same question", "session_id", session))
                    .post("/api/chat/{agent}/message", agent)
                    .then().statusCode(200).body("reply.content", equalTo("Stored answer")).body("message_count", equalTo(4));
        }
        assertEquals(1, peer.received().size());
        assertEquals(4, db.messagesOfAgent(agent));
    }

    @Test
    void theSameKeyWithAnotherMessageIs422() {
        String agent = agent();
        peer.answer(request -> OpenAiWire.completion("ok", 1, 1));
        String session = Api.send(agent, Map.of("message", "first", "client_message_id", "k-1")).getString("session_id");

        given().contentType(ContentType.JSON).body(Map.of("message", "different", "session_id", session, "client_message_id", "k-1"))
                .post("/api/chat/{agent}/message", agent)
                .then().statusCode(422).body("field", equalTo("client_message_id"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-2")
                .body(Map.of("message", "x", "session_id", session, "client_message_id", "k-3"))
                .post("/api/chat/{agent}/message", agent)
                .then().statusCode(422).body("field", equalTo("Idempotency-Key"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "not valid!")
                .body(Map.of("message", "x", "session_id", session))
                .post("/api/chat/{agent}/message", agent)
                .then().statusCode(422).body("field", equalTo("Idempotency-Key"));
        assertEquals(2, db.messagesOfAgent(agent));
    }

    @Test
    void theSameKeyWhileTheFirstRequestRunsIs409() throws Exception {
        String agent = agent();
        peer.answer(request -> OpenAiWire.completion("ok", 1, 1));
        peer.forget();
        String session = Api.send(agent, null, "start").getString("session_id");
        CountDownLatch backendReached = new CountDownLatch(1);
        peer.answer(request -> {
            backendReached.countDown();
            return OpenAiWire.completion("slow answer", 1, 1).delayed(1_500);
        });
        Map<String, Object> body = Map.of("message", "slow one", "session_id", session, "client_message_id", "k-slow");

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(body).post("/api/chat/{agent}/message", agent).statusCode());
        backendReached.await(10, TimeUnit.SECONDS);
        given().contentType(ContentType.JSON).body(body).post("/api/chat/{agent}/message", agent)
                .then().statusCode(409).body("type", equalTo("urn:agent-sessions:problem:turn-in-progress"))
                // the first request's lease: the backend's deadline (3 x (30 s + 5 s connect) + retry delays) + 10 s
                .header("Retry-After", matchesPattern("1[01][0-9]"));

        assertEquals(200, first.get(10, TimeUnit.SECONDS));
        assertEquals(4, db.messagesOfAgent(agent));
        assertEquals(2, peer.received().size(), "start, then the slow one once");
    }
}
