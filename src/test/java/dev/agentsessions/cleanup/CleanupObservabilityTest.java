package dev.agentsessions.cleanup;

import static dev.agentsessions.cleanup.BackdatedSessions.insert;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CleanupObservabilityTest {

    @Inject
    CleanupService cleanup;

    @Inject
    Db db;

    @Test
    void aRunAddsItsCountsToTheCountersTimesItselfAndSetsTheLastSuccess() {
        cleanup.run(Optional.empty());
        String agent = Api.newAgent();
        insert(db, agent, "inactive", Duration.ofHours(25), 7, 3);
        insert(db, agent, "active", Duration.ofHours(1), 4, 1);
        String before = metrics();
        Instant started = Instant.now();

        cleanup.run(Optional.empty());

        String after = metrics();
        assertEquals(4, value(after, "agent_sessions_cleanup_marked_inactive_total") - value(before, "agent_sessions_cleanup_marked_inactive_total"));
        assertEquals(7, value(after, "agent_sessions_cleanup_deleted_sessions_total") - value(before, "agent_sessions_cleanup_deleted_sessions_total"));
        assertEquals(21, value(after, "agent_sessions_cleanup_deleted_messages_total") - value(before, "agent_sessions_cleanup_deleted_messages_total"));
        String runs = "agent_sessions_cleanup_run_seconds_count{outcome=\"success\"}";
        assertEquals(1, value(after, runs) - value(before, runs));
        double lastSuccess = value(after, "agent_sessions_cleanup_last_success_timestamp_seconds");
        assertTrue(lastSuccess >= started.toEpochMilli() / 1000.0 && lastSuccess <= Instant.now().toEpochMilli() / 1000.0,
                "last success " + lastSuccess + " is the time of the run just finished");
    }

    @Test
    void theWellnessCheckReportsTheLastSuccessAndIsNeitherLivenessNorReadiness() {
        cleanup.run(Optional.empty());

        given().get("/q/health/well").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'session-cleanup' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'session-cleanup' }.data.schedule", equalTo("off"))
                .body("checks.find { it.name == 'session-cleanup' }.data.last_success", not(equalTo("never")));
        given().get("/q/health/live").then().body("checks.name", not(hasItem("session-cleanup")));
        given().get("/q/health/ready").then().body("checks.name", not(hasItem("session-cleanup")));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of a sample, by its exact name and labels, in Prometheus' text format. */
    private static double value(String metrics, String sample) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
