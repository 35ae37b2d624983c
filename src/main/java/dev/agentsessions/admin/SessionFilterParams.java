package dev.agentsessions.admin;

import dev.agentsessions.agent.Agent;
import dev.agentsessions.session.SessionStatus;
import dev.agentsessions.web.InvalidInput;
import jakarta.ws.rs.QueryParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The session filter as query parameters, checked so that a bad one is refused naming it. */
public class SessionFilterParams {

    private static final String TIME_FORMAT =
            "must be an ISO-8601 date-time with an offset, such as 2025-01-31T18:00:00Z, or a date, such as 2025-01-31 (UTC midnight)";
    private static final int MAX_TEXT = 255;
    // PostgreSQL's timestamptz ends in the year 294276; keep to years anyone means.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @QueryParam("agent_id")
    @Parameter(description = "Only this agent's sessions", example = "support-bot")
    String agentId;

    @QueryParam("website_domain")
    @Parameter(description = "Only sessions started from this website (host name, case-insensitive)", example = "shop.example.com")
    String websiteDomain;

    @QueryParam("status")
    @Parameter(description = "Only sessions with this effective status: active, inactive or ended", example = "active")
    String status;

    @QueryParam("user_id")
    @Parameter(description = "Only sessions of this website user id", example = "customer-42")
    String userId;

    @QueryParam("started_after")
    @Parameter(description = "Started at or after this time (date-time with offset, or a date)", example = "2025-01-01T00:00:00Z")
    String startedAfter;

    @QueryParam("started_before")
    @Parameter(description = "Started before this time", example = "2025-02-01")
    String startedBefore;

    @QueryParam("active_after")
    @Parameter(description = "Last active at or after this time", example = "2025-01-31T12:00:00Z")
    String activeAfter;

    @QueryParam("active_before")
    @Parameter(description = "Last active before this time", example = "2025-01-31T18:00:00+01:00")
    String activeBefore;

    @QueryParam("ended_before")
    @Parameter(description = "Ended before this time (only ended sessions match)", example = "2025-01-31")
    String endedBefore;

    SessionFilter toFilter() {
        return new SessionFilter(
                agentId("agent_id", agentId),
                text("website_domain", websiteDomain) == null ? null : websiteDomain.strip().toLowerCase(Locale.ROOT),
                status("status", status),
                text("user_id", userId),
                time("started_after", startedAfter),
                time("started_before", startedBefore),
                time("active_after", activeAfter),
                time("active_before", activeBefore),
                time("ended_before", endedBefore));
    }

    private static String agentId(String field, String value) {
        String id = text(field, value);
        if (id != null && !id.matches(Agent.ID_PATTERN)) {
            throw new InvalidInput(field, "must be 1-64 of A-Z, a-z, 0-9, _ and -");
        }
        return id;
    }

    private static String text(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.indexOf('\u0000') >= 0) {
            throw new InvalidInput(field, "must be at most " + MAX_TEXT + " characters without NUL");
        }
        return value;
    }

    private static SessionStatus status(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Arrays.stream(SessionStatus.values())
                .filter(s -> s.dbValue().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(field, "must be one of active, inactive, ended"));
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant parsed = parseTime(value.strip());
        if (parsed == null || parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw new InvalidInput(field, TIME_FORMAT);
        }
        return parsed;
    }

    private static Instant parseTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notADateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notADate) {
                return null;
            }
        }
    }
}
