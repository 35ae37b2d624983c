package dev.agentsessions.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActiveSessionsGaugeTest {

    @Inject
    Db db;

    @Inject
    ActiveSessionsGauge gauge;

    @Test
    void theGaugeCountsEffectivelyActiveSessionsPerAgentFromTheDatabase() {
        String agent = Api.newAgent();
        String quiet = Api.newAgent();
        TestSessions.start(agent, null, null);
        TestSessions.start(agent, null, null);
        String idle = TestSessions.start(agent, null, null);
        String ended = TestSessions.start(agent, null, null);
        db.execute("UPDATE agent_sessions SET last_activity_at = now() - interval '31 minutes' WHERE session_id = ?", idle);
        Api.admin().post("/api/admin/sessions/{id}/end", ended).then().statusCode(200);

        gauge.refresh();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("agent_sessions_active{agent=\"" + agent + "\"} 2.0"));
        assertThat(metrics, containsString("agent_sessions_active{agent=\"" + quiet + "\"} 0.0"));

        Api.admin().delete("/api/admin/agents/{id}", agent).then().statusCode(204);
        gauge.refresh();
        assertThat(given().get("/q/metrics").then().extract().asString(),
                not(containsString("agent_sessions_active{agent=\"" + agent + "\"}")));
    }
}
