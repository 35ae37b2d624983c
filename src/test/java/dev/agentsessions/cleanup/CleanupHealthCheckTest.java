package dev.agentsessions.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CleanupHealthCheckTest {

    private final Instant start = Instant.parse("2026-11-26T12:00:00Z");
    private final Duration hour = Duration.ofHours(1);

    @Test
    void aSuccessWithinThreeIntervalsIsFineAndOneOlderIsOverdue() {
        Instant lastSuccess = start.plus(Duration.ofHours(5));
        assertFalse(CleanupHealthCheck.overdue(lastSuccess, start, hour, lastSuccess.plus(Duration.ofHours(3))));
        assertTrue(CleanupHealthCheck.overdue(lastSuccess, start, hour, lastSuccess.plus(Duration.ofHours(3)).plusSeconds(1)));
    }

    @Test
    void beforeTheFirstSuccessTheClockRunsFromStartUp() {
        assertFalse(CleanupHealthCheck.overdue(null, start, hour, start.plus(Duration.ofMinutes(179))));
        assertTrue(CleanupHealthCheck.overdue(null, start, hour, start.plus(Duration.ofMinutes(181))));
    }

    @Test
    void theIntervalIsTheGapBetweenFireTimesOrFromStartUpBeforeTheFirst() {
        Instant fired = start.plus(Duration.ofMinutes(15));
        assertEquals(hour, CleanupHealthCheck.interval(fired, fired.plus(hour), start));
        assertEquals(Duration.ofMinutes(15), CleanupHealthCheck.interval(null, fired, start));
    }
}
