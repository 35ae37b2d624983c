package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.HttpPeer;
import dev.agentsessions.support.WithHttpPeer;
import dev.agentsessions.support.OpenAiWire;
import dev.agentsessions.support.ServerSentEvents;
import dev.agentsessions.support.ServerSentEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `Accept: text/event-stream` on the message endpoint: session, delta..., done (or error). */
@QuarkusTest
class StreamingTest extends WithHttpPeer {

    private static String openAiAgent() {
        return Api.newAgent(Map.of("backend", Map.of("type", "openai", "base_url", peer.url() + "/v1", "model", "m",
                "timeout_seconds", 2)));
    }

    private static Response stream(String agent, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).accept("text/event-stream").body(body)
                .post("/api/chat/{agent}/message", agent);
    }

    @Test
    void theModelsOwnStreamIsRelayedAndStoredExactlyAsStreamed() {
        String agent = openAiAgent();
        peer.answer(request -> OpenAiWire.stream(List.of("Hel", "lo, ", "wor", "ld!"), 21, 4));

        Response response = stream(agent, Map.of("message", "Say hello"));

        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/event-stream"), response.contentType());
        List<Event> events = ServerSentEvents.parse(response.asString());
        assertEquals(List.of("session", "delta", "delta", "delta", "delta", "done"), events.stream().map(Event::name).toList());
        String session = JsonPath.from(events.get(0).data()).getString("session_id");
        assertTrue(JsonPath.from(events.get(0).data()).getBoolean("new_session"));
        assertEquals(List.of("Hel", "lo, ", "wor", "ld!"),
                events.subList(1, 5).stream().map(e -> JsonPath.from(e.data()).getString("content")).toList());
        JsonPath done = JsonPath.from(events.get(5).data());
        assertEquals("Hello, world!", done.getString("reply.content"));
        assertEquals(session, done.getString("session_id"));
        assertEquals(4, done.getInt("reply.tokens_used"));
        assertEquals(2, done.getInt("message_count"));

        assertEquals(true, JsonPath.from(peer.last().body()).getBoolean("stream"));
        assertEquals("Hello, world!", db.single("""
                SELECT m.content FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ? AND m.role = 'assistant'""", session));
        assertEquals(25L, db.count("SELECT tokens_used FROM agent_sessions WHERE session_id = ?", session));
    }

    @Test
    void otherBackendsStreamTheirReplyAsOneDelta() {
        String agent = Api.newAgent();
        List<Event> events = ServerSentEvents.parse(stream(agent, Map.of("message", "My name is Dora")).asString());

        assertEquals(List.of("session", "delta", "done"), events.stream().map(Event::name).toList());
        String delta = JsonPath.from(events.get(1).data()).getString("content");
        assertEquals(delta, JsonPath.from(events.get(2).data()).getString("reply.content"));
        assertEquals("Dora", JsonPath.from(events.get(2).data()).getString("context.name"));
    }

    @Test
    void withoutEventStreamInAcceptTheAnswerIsJson() {
        String agent = Api.newAgent();
        given().contentType(ContentType.JSON).body(Map.of("message", "Hi")).post("/api/chat/{agent}/message", agent)
                .then().statusCode(200).contentType(ContentType.JSON);
        given().contentType(ContentType.JSON).accept("*/*").body(Map.of("message", "Hi"))
                .post("/api/chat/{agent}/message", agent).then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void aRefusalBeforeTheStreamStartsIsAPlainProblem() {
        stream("no_such_agent_here", Map.of("message", "Hi")).then().statusCode(404)
                .contentType("application/problem+json");
        stream(Api.newAgent(), Map.of("message", "")).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aStreamThatStallsEndsWithATimeoutErrorAndKeepsTheUserMessage() {
        String agent = openAiAgent();
        peer.answer(request -> HttpPeer.Answer.eventStream(List.of(
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half\"}}]}\n\n")).stalling());

        long started = System.nanoTime();
        List<Event> events = ServerSentEvents.parse(stream(agent, Map.of("message", "Tell me a long story")).asString());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertEquals(List.of("session", "delta", "error"), events.stream().map(Event::name).toList());
        JsonPath error = JsonPath.from(events.get(2).data());
        assertEquals(504, error.getInt("status"));
        String session = JsonPath.from(events.get(0).data()).getString("session_id");
        assertEquals(session, error.getString("session_id"));
        assertTrue(seconds < 10, "the deadline cut the stream off, took " + seconds + " s");
        assertEquals(List.of(List.of("user", "failed")), db.rows("""
                SELECT m.role, m.reply_status FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                WHERE s.session_id = ?""", session));
    }
}
