package dev.agentsessions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The histogram's percentiles follow PostgreSQL's percentile_disc. */
class SessionHistogramTest {

    @Test
    void noSessionsGiveZeroes() {
        SessionHistogram empty = new SessionHistogram();
        assertEquals(new SessionStats.MessagesPerSession(0, 0, 0), empty.messagesPerSession());
        assertEquals(new SessionStats.StatusTotals(0, 0, 0, 0), empty.totals());
    }

    @Test
    void percentilesAreTheSmallestCountReachingTheFraction() {
        SessionHistogram histogram = new SessionHistogram();
        histogram.add("active", 2, 5, 100);
        histogram.add("inactive", 2, 5, 0);
        histogram.add("ended", 9, 9, 90);
        histogram.add("active", 40, 1, 7);

        assertEquals(2, histogram.percentile(0.5));
        assertEquals(9, histogram.percentile(0.51));
        assertEquals(9, histogram.percentile(0.95));
        assertEquals(40, histogram.percentile(1.0));
        assertEquals(new SessionStats.StatusTotals(20, 6, 5, 9), histogram.totals());
        assertEquals(20 + 81 + 40, histogram.messages());
        assertEquals(197, histogram.tokens());
        assertEquals(7.05, histogram.messagesPerSession().average());
    }
}
