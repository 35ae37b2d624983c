package dev.agentsessions.cleanup;

import static dev.agentsessions.cleanup.BackdatedSessions.insert;
import static dev.agentsessions.cleanup.BackdatedSessions.insertOne;
import static dev.agentsessions.cleanup.BackdatedSessions.statusOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CleanupResourceTest {

    private static final String CLEANUP = "/api/admin/cleanup";

    @Inject
    CleanupService cleanup;

    @Inject
    Db db;

    @BeforeEach
    void clearLeftovers() {
        cleanup.run(Optional.empty());
    }

    @Test
    void runNowAnswersWhatItDid() {
        String agent = Api.newAgent();
        insert(db, agent, "inactive", Duration.ofHours(25), 30, 4);
        insert(db, agent, "ended", Duration.ofHours(30), 3, 6);
        insert(db, agent, "active", Duration.ofHours(2), 2, 2);

        Api.admin().post(CLEANUP).then().statusCode(200).contentType(ContentType.JSON)
                .body("marked_inactive", equalTo(2))
                .body("deleted_sessions", equalTo(33))
                .body("deleted_messages", equalTo(138))
                .body("duration_ms", greaterThanOrEqualTo(0));

        assertEquals(2, db.sessionsOfAgent(agent));
        assertEquals(4, db.messagesOfAgent(agent));
    }

    @Test
    void aBodylessRequestRunsWithTheDefaults() {
        String agent = Api.newAgent();
        String expired = insertOne(db, agent, "inactive", Duration.ofHours(25));

        Api.admin().post(CLEANUP).then().statusCode(200).body("deleted_sessions", equalTo(1));
        assertNull(statusOf(db, expired));
    }

    @Test
    void retentionHoursReplaceTheDefaultRetentionForThisRun() {
        cleanup.run(Optional.of(Duration.ofHours(1)));
        String agent = Api.newAgent();
        String twoHours = insertOne(db, agent, "inactive", Duration.ofHours(2));
        String halfHour = insertOne(db, agent, "inactive", Duration.ofMinutes(30));

        Api.admin().body("{\"retention_hours\": 1}").post(CLEANUP)
                .then().statusCode(200).body("deleted_sessions", equalTo(1));
        assertNull(statusOf(db, twoHours));
        assertEquals("inactive", statusOf(db, halfHour));
    }

    @Test
    void withoutAValidKeyNothingRunsAnd401IsTheAnswer() {
        String agent = Api.newAgent();
        String expired = insertOne(db, agent, "inactive", Duration.ofHours(25));

        given().contentType(ContentType.JSON).post(CLEANUP)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"agent-sessions\""));
        given().header("Authorization", "Bearer not-a-key").contentType(ContentType.JSON).post(CLEANUP)
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals("inactive", statusOf(db, expired));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"retention_hours\": 0}                | 422 | urn:agent-sessions:problem:invalid-input  | retention_hours",
        "{\"retention_hours\": -24}              | 422 | urn:agent-sessions:problem:invalid-input  | retention_hours",
        "{\"retention_hours\": 87601}            | 422 | urn:agent-sessions:problem:invalid-input  | retention_hours",
        "{\"retention_hours\": \"24\"}           | 400 | urn:agent-sessions:problem:invalid-type   | retention_hours",
        "{\"retention_hours\": 1.5}              | 400 | urn:agent-sessions:problem:invalid-type   | retention_hours",
        "{\"retention_hours\": 99999999999999}   | 400 | urn:agent-sessions:problem:invalid-type   | retention_hours",
        "{\"retention_hours\": [24]}             | 400 | urn:agent-sessions:problem:invalid-type   | retention_hours",
        "{\"hours\": 24}                         | 400 | urn:agent-sessions:problem:unknown-field  | hours",
        "{\"retention_hours\": 24                | 400 | urn:agent-sessions:problem:malformed-json |",
        "[24]                                    | 400 | urn:agent-sessions:problem:malformed-json |",
    })
    void badBodiesAreRefusedWithAProblemAndDeleteNothing(String body, int status, String type, String field) {
        String agent = Api.newAgent();
        String expired = insertOne(db, agent, "inactive", Duration.ofHours(25));

        var answer = Api.admin().body(body).post(CLEANUP)
                .then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(type));
        if (field != null) {
            answer.body("field", equalTo(field));
        }
        assertEquals("inactive", statusOf(db, expired));
    }

    @Test
    void aRequestThatDoesNotSayJsonIsRefusedWith415() {
        String agent = Api.newAgent();
        String expired = insertOne(db, agent, "inactive", Duration.ofHours(25));

        given().header("Authorization", "Bearer " + Api.ADMIN_KEY).contentType(ContentType.TEXT).body("retention_hours=1")
                .post(CLEANUP).then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Api.ADMIN_KEY).post(CLEANUP)
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals("inactive", statusOf(db, expired));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey(CLEANUP));
    }
}
