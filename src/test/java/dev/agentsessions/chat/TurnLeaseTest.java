package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.agent.AgentRepository;
import dev.agentsessions.agent.BackendGuards;
import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A turn whose replica died after storing the user message (the chaos run's kill -9): a retry is told how
 * long the dead request's lease still runs, and takes the turn over once it has, storing it exactly once.
 */
@QuarkusTest
class TurnLeaseTest {

    @Inject
    Db db;

    @Inject
    BackendGuards guards;

    @Inject
    AgentRepository agents;

    @Test
    void aRetryWaitsForTheLeaseOfADeadRequestThenFinishesTheTurnOnce() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "hello").getString("session_id");
        Map<String, Object> body = Map.of("message", "are you there?", "session_id", session, "client_message_id", "k-dead");
        Api.send(agent, body);
        // As if the replica answering it had been killed between the two transactions: the user message is
        // stored and pending under a lease, no reply.
        db.execute("""
                DELETE FROM agent_messages m USING agent_sessions s
                 WHERE s.id = m.session_id AND s.session_id = ? AND m.role = 'assistant' AND m.seq = 4""", session);
        db.execute("""
                UPDATE agent_sessions SET message_count = 3 WHERE session_id = ?""", session);
        db.execute("""
                UPDATE agent_messages m SET reply_status = 'pending', reply_deadline = now() + interval '4 seconds'
                  FROM agent_sessions s WHERE s.id = m.session_id AND s.session_id = ? AND m.client_message_id = 'k-dead'""",
                session);

        Response refused = given().contentType(ContentType.JSON).body(body).post("/api/chat/{agent}/message", agent);
        refused.then().statusCode(409)
                .body("type", equalTo("urn:agent-sessions:problem:turn-in-progress"))
                .body("session_id", equalTo(session));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "Retry-After " + retryAfter);

        db.execute("""
                UPDATE agent_messages m SET reply_deadline = now() - interval '1 second'
                  FROM agent_sessions s WHERE s.id = m.session_id AND s.session_id = ? AND m.client_message_id = 'k-dead'""",
                session);
        given().contentType(ContentType.JSON).body(body).post("/api/chat/{agent}/message", agent)
                .then().statusCode(200).body("message_count", equalTo(4)).body("reply.reply_to_seq", equalTo(3));
        assertEquals(4, db.count("""
                SELECT count(*) FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                 WHERE s.session_id = ?""", session));
        assertEquals("answered", db.single("""
                SELECT m.reply_status FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id
                 WHERE s.session_id = ? AND m.client_message_id = 'k-dead'""", session));
    }

    @Test
    @Transactional
    void theBuiltInAgentsLeaseIsTheMarginAloneAndARemoteBackendsAddsItsDeadline() {
        String builtin = Api.newAgent();
        String remote = Api.newAgent(Map.of("backend",
                Map.of("type", "openai", "base_url", "http://127.0.0.1:9", "model", "m", "timeout_seconds", 7)));
        assertEquals(Duration.ofSeconds(10), lease(builtin));
        // 3 attempts x (7 s timeout + 5 s connect timeout) + 2 x 50 ms retry delay (test profile) + 10 s margin
        assertEquals(Duration.ofMillis(46_100), lease(remote));
    }

    private Duration lease(String agentId) {
        return guards.turnDeadline(agents.findAgent(agentId).orElseThrow());
    }
}
