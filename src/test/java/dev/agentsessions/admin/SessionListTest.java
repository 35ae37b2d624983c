package dev.agentsessions.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentsessions.support.Api;
import dev.agentsessions.support.Db;
import dev.agentsessions.support.TestSessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionListTest {

    @Inject
    Db db;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void everyFilterSelectsExactlyItsSessionsNewestActivityFirst() {
        String agent = TestSessions.longLivedAgent();
        String other = Api.newAgent();
        String shop = TestSessions.uniqueDomain();
        String blog = TestSessions.uniqueDomain();
        String alice = "alice-" + agent;

        String recent = TestSessions.start(agent, "https://" + shop, alice);
        String old = TestSessions.start(agent, "https://" + blog, "bob-" + agent);
        String ended = TestSessions.start(agent, "https://" + shop, null);
        String idle = TestSessions.start(agent, "https://" + blog, null);
        String gone = TestSessions.start(agent, "https://" + shop, null);
        String othersAgent = TestSessions.start(other, "https://" + shop, null);
        shape(recent, "active", ago(10), ago(1), null);
        shape(old, "inactive", ago(3 * 24 * 60), ago(2 * 24 * 60), null);
        shape(ended, "ended", ago(5 * 60), ago(4 * 60), ago(4 * 60));
        shape(idle, "active", ago(2 * 60), ago(60), null);
        shape(gone, "inactive", ago(41 * 24 * 60), ago(40 * 24 * 60), null);

        assertEquals(List.of(recent, idle, ended, old), ids(Map.of("agent_id", agent)));
        assertEquals(List.of(recent), ids(Map.of("agent_id", agent, "status", "active")));
        assertEquals(List.of(idle, old), ids(Map.of("agent_id", agent, "status", "INACTIVE")));
        assertEquals(List.of(ended), ids(Map.of("agent_id", agent, "status", "ended")));
        assertEquals(List.of(othersAgent, recent, ended), ids(Map.of("website_domain", shop.toUpperCase())));
        assertEquals(List.of(recent), ids(Map.of("user_id", alice)));
        assertEquals(List.of(idle, ended), ids(Map.of("agent_id", agent, "started_after", iso(ago(6 * 60)),
                "started_before", iso(ago(60)))));
        assertEquals(List.of(recent, idle, ended, old), ids(Map.of("agent_id", agent,
                "started_after", LocalDate.ofInstant(ago(3 * 24 * 60), ZoneOffset.UTC).toString())));
        assertEquals(List.of(idle), ids(Map.of("agent_id", agent, "active_after", iso(ago(3 * 60)),
                "active_before", ago(30).atOffset(ZoneOffset.ofHours(2)).toString())));
        assertEquals(List.of(ended), ids(Map.of("agent_id", agent, "ended_before", iso(now))));
        assertEquals(List.of(idle, old), ids(Map.of("agent_id", agent, "website_domain", blog, "status", "inactive")));
    }

    @Test
    void theOperatorSeesWhereASessionCameFromButNotItsContextInLists() {
        String agent = Api.newAgent();
        String domain = TestSessions.uniqueDomain();
        String session = TestSessions.start(agent, "https://" + domain, "u-7", Map.of("secret", "kept out of lists"));

        Api.admin().queryParam("agent_id", agent).get("/api/admin/sessions").then().statusCode(200)
                .body("sessions[0].session_id", equalTo(session))
                .body("sessions[0].agent_id", equalTo(agent))
                .body("sessions[0].status", equalTo("active"))
                .body("sessions[0].user_id", equalTo("u-7"))
                .body("sessions[0].website_domain", equalTo(domain))
                .body("sessions[0].ip_address", equalTo("127.0.0.1"))
                .body("sessions[0].user_agent", equalTo("test-browser/1.0"))
                .body("sessions[0].message_count", equalTo(0))
                .body("sessions[0].tokens_used", equalTo(0))
                .body("sessions[0]", not(hasKey("context")))
                .body("has_more", equalTo(false))
                .body("next_cursor", nullValue());
    }

    @Test
    void aCursorWalkSeesEverySessionOnceWhileSessionsAreAdded() {
        String agent = TestSessions.longLivedAgent();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            existing.add(TestSessions.start(agent, null, null));
        }
        // Distinct times, except five sessions active in the same microsecond: the cursor must break the tie.
        for (int i = 0; i < existing.size(); i++) {
            Instant at = i < 5 ? ago(500) : ago(400 - i);
            db.execute("UPDATE agent_sessions SET last_activity_at = ? WHERE session_id = ?",
                    at.atOffset(ZoneOffset.UTC), existing.get(i));
        }

        List<String> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = Api.admin().queryParam("agent_id", agent).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/admin/sessions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("sessions.session_id"));
            page.getList("sessions.last_activity_at", String.class).forEach(t -> times.add(Instant.parse(t)));
            cursor = page.getBoolean("has_more") ? page.getString("next_cursor") : null;
            TestSessions.start(agent, null, null);
            String behindTheWalk = TestSessions.start(agent, null, null);
            db.execute("UPDATE agent_sessions SET last_activity_at = ? WHERE session_id = ?",
                    ago(600).atOffset(ZoneOffset.UTC), behindTheWalk);
            pages++;
        } while (cursor != null && pages < 50);

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no session twice: " + seen);
        assertTrue(seen.containsAll(existing), "every session that existed when the walk began");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isAfter(times.get(i - 1)), "newest activity first");
        }
    }

    @Test
    void badFiltersCursorsAndLimitsAreRefusedNamingTheParameter() {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("status", "paused"),
                Map.entry("agent_id", "has spaces!"),
                Map.entry("started_after", "yesterday"),
                Map.entry("started_before", "2025-13-01"),
                Map.entry("active_after", "2025-01-01T10:00:00"),
                Map.entry("active_before", "+100000-01-01T00:00:00Z"),
                Map.entry("ended_before", "1700000000"),
                Map.entry("user_id", "x".repeat(256)),
                Map.entry("cursor", "not a cursor"),
                Map.entry("limit", "0"));
        bad.forEach((field, value) -> Api.admin().queryParam(field, value).get("/api/admin/sessions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo(field)));
        for (String forged : new String[] {"bm90LWEtbnVtYmVyOnh5eg", encode("123:not-a-uuid"), encode("12345")}) {
            Api.admin().queryParam("cursor", forged).get("/api/admin/sessions").then().statusCode(422)
                    .body("field", equalTo("cursor"));
        }
    }

    private List<String> ids(Map<String, String> filter) {
        return Api.admin().queryParams(filter).get("/api/admin/sessions")
                .then().statusCode(200).extract().jsonPath().getList("sessions.session_id");
    }

    private void shape(String sessionId, String status, Instant started, Instant lastActivity, Instant endedAt) {
        db.execute("UPDATE agent_sessions SET status = ?, started_at = ?, last_activity_at = ?, ended_at = ? WHERE session_id = ?",
                status, started.atOffset(ZoneOffset.UTC), lastActivity.atOffset(ZoneOffset.UTC),
                endedAt == null ? null : endedAt.atOffset(ZoneOffset.UTC), sessionId);
    }

    private Instant ago(long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
