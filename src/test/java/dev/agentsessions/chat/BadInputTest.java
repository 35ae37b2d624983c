package dev.agentsessions.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input is refused with a problem document naming the problem, and nothing is stored. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    private final Db db = new Db();

    private String agent;
    private String session;

    @BeforeEach
    void freshAgentWithOneTurn() {
        agent = Api.newAgent();
        session = Api.send(agent, null, "Hello").getString("session_id");
    }

    private ValidatableResponse post(String rawBody) {
        return given().contentType(ContentType.JSON).body(rawBody)
                .post("/api/chat/{agent}/message", agent)
                .then().contentType(PROBLEM).body("detail", not(containsString("Exception")));
    }

    private void assertNothingStored() {
        assertEquals(1, db.sessionsOfAgent(agent));
        assertEquals(2, db.messagesOfAgent(agent));
    }

    @Test
    void malformedJson() {
        post("{\"message\": \"Hi\"").statusCode(400).body("type", equalTo("urn:agent-sessions:problem:malformed-json"));
        post("{\"message\": \"Hi\"} trailing").statusCode(400);
        post("{\"message\": \"Hi\", \"message\": \"Again\"}").statusCode(400);
        assertNothingStored();
    }

    @Test
    void wrongTypes() {
        post("{\"message\": 123}").statusCode(400).body("field", equalTo("message"))
                .body("type", equalTo("urn:agent-sessions:problem:invalid-type"));
        post("{\"message\": [\"Hi\"]}").statusCode(400).body("field", equalTo("message"));
        post("{\"message\": \"Hi\", \"metadata\": \"not an object\"}").statusCode(400).body("field", equalTo("metadata"));
        post("{\"message\": \"Hi\", \"session_id\": true}").statusCode(400).body("field", equalTo("session_id"));
        post("[]").statusCode(400);
        assertNothingStored();
    }

    @Test
    void emptyBlankMissingOrNoBody() {
        post("{\"message\": \"\"}").statusCode(422).body("field", equalTo("message"));
        post("{\"message\": \"   \\n\"}").statusCode(422).body("field", equalTo("message"));
        post("{}").statusCode(422).body("field", equalTo("message"));
        given().contentType(ContentType.JSON).post("/api/chat/{agent}/message", agent)
                .then().statusCode(422).contentType(PROBLEM).body("field", equalTo("body"));
        assertNothingStored();
    }

    @Test
    void overLongMessage() {
        String tooLong = "x".repeat(8001);
        post("{\"message\": \"" + tooLong + "\", \"session_id\": \"" + session + "\"}")
                .statusCode(422).body("field", equalTo("message")).body("detail", containsString("8000"));
        assertNothingStored();
        Api.send(agent, session, "y".repeat(8000));
        assertEquals(4, db.messagesOfAgent(agent));
    }

    @Test
    void nulCharacters() {
        post("{\"message\": \"Hi\\u0000there\", \"session_id\": \"" + session + "\"}")
                .statusCode(422).body("field", equalTo("message")).body("detail", containsString("NUL"));
        post("{\"message\": \"Hi\", \"metadata\": {\"k\": \"a\\u0000b\"}}").statusCode(422).body("field", equalTo("metadata"));
        post("{\"message\": \"Hi\", \"user_id\": \"a\\u0000b\"}").statusCode(422).body("field", equalTo("user_id"));
        assertNothingStored();
    }

    @Test
    void fieldsThatWouldSetServerOwnedValues() {
        for (String field : new String[] {"role", "status", "message_count", "seq", "tokens_used", "context"}) {
            post("{\"message\": \"Hi\", \"" + field + "\": \"x\"}").statusCode(400)
                    .body("type", equalTo("urn:agent-sessions:problem:unknown-field"))
                    .body("field", equalTo(field));
        }
        assertNothingStored();
    }

    @Test
    void badIds() {
        post("{\"message\": \"Hi\", \"session_id\": \"../../etc/passwd\"}").statusCode(422).body("field", equalTo("session_id"));
        post("{\"message\": \"Hi\", \"session_id\": \"short\"}").statusCode(422).body("field", equalTo("session_id"));
        post("{\"message\": \"Hi\", \"client_message_id\": \"has spaces in it\"}").statusCode(422)
                .body("field", equalTo("client_message_id"));
        given().get("/api/chat/{agent}/sessions/{session}/messages", agent, "not a session id!")
                .then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("message", "Hi"))
                .post("/api/chat/{agent}/message", "no such agent!")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:agent-sessions:problem:agent-not-found"));
        assertNothingStored();
    }

    @Test
    void oversizeMetadataAndBody() {
        String bigValue = "m".repeat(5000);
        post("{\"message\": \"Hi\", \"metadata\": {\"note\": \"" + bigValue + "\"}}").statusCode(422)
                .body("field", equalTo("metadata")).body("detail", containsString("4096"));
        post("{\"message\": \"" + "z".repeat(70_000) + "\"}").statusCode(413)
                .body("type", equalTo("urn:agent-sessions:problem:body-too-large"));
        assertNothingStored();
    }

    @Test
    void wrongMediaTypeAndMethod() {
        given().contentType(ContentType.TEXT).body("message=Hi").post("/api/chat/{agent}/message", agent)
                .then().statusCode(415).contentType(PROBLEM);
        given().get("/api/chat/{agent}/message", agent).then().statusCode(405).contentType(PROBLEM);
        assertNothingStored();
    }

    @Test
    void badPagingParameters() {
        for (String[] query : new String[][] {{"limit", "0"}, {"limit", "100000"}, {"limit", "ten"}, {"after_seq", "-1"}}) {
            given().queryParam(query[0], query[1])
                    .get("/api/chat/{agent}/sessions/{session}/messages", agent, session)
                    .then().statusCode(422).contentType(PROBLEM).body("field", equalTo(query[0]));
        }
    }
}
