package dev.agentsessions.analytics;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatsTest {

    @Inject
    Db db;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void anAgentsStatsCountExactlyItsLiveSessions() {
        String agent = TestSessions.longLivedAgent();
        String d1 = TestSessions.uniqueDomain();
        String d2 = TestSessions.uniqueDomain();
        String d3 = TestSessions.uniqueDomain();
        List<Instant> starts = new ArrayList<>();
        starts.add(make(agent, d1, "active", 1, 10, ago(5), ago(1)));
        starts.add(make(agent, d1, "active", 2, 20, ago(6), ago(2)));
        starts.add(make(agent, d2, "active", 3, 0, ago(24 * 60), ago(120)));
        starts.add(make(agent, d1, "inactive", 4, 0, ago(2 * 24 * 60), ago(2 * 24 * 60 - 60)));
        starts.add(make(agent, d3, "ended", 10, 100, ago(2 * 24 * 60), ago(2 * 24 * 60)));
        starts.add(make(agent, null, "active", 20, 0, ago(3), ago(3)));
        make(agent, d1, "inactive", 1000, 5000, ago(41 * 24 * 60), ago(40 * 24 * 60));
        TestSessions.start(Api.newAgent(), "https://" + d1, null);

        JsonPath stats = Api.admin().queryParam("days", 3).get("/api/admin/agents/{id}/stats", agent)
                .then().statusCode(200).extract().jsonPath();

        assertEquals(agent, stats.getString("agent_id"));
        assertEquals(Map.of("total", 6, "active", 3, "inactive", 2, "ended", 1), stats.getMap("sessions"));
        assertEquals(6.67f, stats.getFloat("messages_per_session.average"));
        assertEquals(3, stats.getInt("messages_per_session.p50"));
        assertEquals(20, stats.getInt("messages_per_session.p95"));
        assertEquals(40, stats.getLong("messages"));
        assertEquals(130, stats.getLong("tokens"));
        List<String> singles = new ArrayList<>(List.of(d2, d3));
        singles.sort(null);
        assertEquals(List.of(Map.of("website_domain", d1, "sessions", 3), Map.of("website_domain", singles.get(0), "sessions", 1),
                Map.of("website_domain", singles.get(1), "sessions", 1)), stats.getList("top_website_domains"));
        assertEquals(3, stats.getInt("days"));
        assertEquals(expectedDays(starts, 3), stats.getList("sessions_per_day"));
    }

    @Test
    void anAgentWithoutSessionsHasZeroStatsAndAnUnknownOneIsNotFound() {
        String agent = Api.newAgent();
        Api.admin().get("/api/admin/agents/{id}/stats", agent).then().statusCode(200)
                .body("sessions.total", equalTo(0))
                .body("messages_per_session.average", equalTo(0.0f))
                .body("messages_per_session.p95", equalTo(0))
                .body("days", equalTo(30))
                .body("sessions_per_day.size()", equalTo(30))
                .body("top_website_domains.size()", equalTo(0));
        Api.admin().get("/api/admin/agents/{id}/stats", "no_such_agent_here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void statsOverAllAgentsGrowByExactlyWhatATestAdds() {
        JsonPath before = Api.admin().get("/api/admin/stats").then().statusCode(200).extract().jsonPath();
        String first = TestSessions.longLivedAgent();
        String second = Api.newAgent();
        make(first, null, "active", 5, 50, ago(1), ago(1));
        make(first, null, "ended", 7, 70, ago(60), ago(30));
        make(second, null, "active", 1, 1, ago(1), ago(1));
        make(second, null, "inactive", 100, 100, ago(26 * 60), ago(25 * 60));

        JsonPath after = Api.admin().get("/api/admin/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(3, after.getLong("sessions.total") - before.getLong("sessions.total"));
        assertEquals(13, after.getLong("messages") - before.getLong("messages"));
        assertEquals(121, after.getLong("tokens") - before.getLong("tokens"));
        assertEquals(null, after.getString("agent_id"));
    }

    @Test
    void badWindowsAreRefusedNamingDays() {
        String agent = Api.newAgent();
        for (String days : new String[] {"0", "367", "week", "-3"}) {
            Api.admin().queryParam("days", days).get("/api/admin/agents/{id}/stats", agent).then().statusCode(422)
                    .contentType("application/problem+json").body("field", equalTo("days"));
            Api.admin().queryParam("days", days).get("/api/admin/stats").then().statusCode(422).body("field", equalTo("days"));
        }
    }

    /** A session of this agent with these counters and times, as if it had lived them. */
    private Instant make(String agent, String domain, String status, int messages, long tokens, Instant started, Instant lastActivity) {
        String session = TestSessions.start(agent, domain == null ? null : "https://" + domain, null);
        db.execute("""
                UPDATE agent_sessions SET status = ?, message_count = ?, tokens_used = ?, started_at = ?, last_activity_at = ?,
                       ended_at = CASE WHEN ? = 'ended' THEN ? END
                 WHERE session_id = ?""", status, messages, tokens, started.atOffset(ZoneOffset.UTC),
                lastActivity.atOffset(ZoneOffset.UTC), status, lastActivity.atOffset(ZoneOffset.UTC), session);
        return started;
    }

    private List<Map<String, Object>> expectedDays(List<Instant> starts, int days) {
        LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (int i = days - 1; i >= 0; i--) {
            counts.put(today.minusDays(i).toString(), 0);
        }
        starts.forEach(s -> counts.computeIfPresent(LocalDate.ofInstant(s, ZoneOffset.UTC).toString(), (day, n) -> (int) n + 1));
        return counts.entrySet().stream().map(e -> Map.<String, Object>of("date", e.getKey(), "sessions", e.getValue())).toList();
    }

    private Instant ago(long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }
}
