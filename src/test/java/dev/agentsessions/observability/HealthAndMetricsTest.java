package dev.agentsessions.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.agentsessions.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void livenessReadinessAndStartupAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("threads"))
                .body("checks.name", not(hasItem("database-schema")));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("database-schema"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void chatCountersAreExportedWithoutSessionIdsOrDomains() {
        String agent = Api.newAgent();
        String session = Api.send(agent, null, "Count me").getString("session_id");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("agent_sessions_created_total{agent=\"" + agent + "\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("agent_sessions_messages_total{agent=\"" + agent + "\",role=\"user\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("agent_sessions_messages_total{agent=\"" + agent + "\",role=\"assistant\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("agent_sessions_backend_latency_seconds_bucket"));
        org.hamcrest.MatcherAssert.assertThat(metrics, not(containsString(session)));
    }

    @Test
    void theOpenApiDocumentDescribesThePublicAndOperatorApis() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/chat/{agentId}/message"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/agents/{agentId}"));
    }

    @Test
    void theReadinessVerdictAndHttpLatencyBucketsAreExportedForTheAlerts() {
        Api.send(Api.newAgent(), null, "Time me");
        given().get("/q/health/ready").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("\nagent_sessions_database_ready 1.0\n"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString(
                "http_server_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/chat/{agentId}/message\",le=\"5.0\"}"));
    }
}
