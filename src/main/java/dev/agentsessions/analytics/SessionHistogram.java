package dev.agentsessions.analytics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Sessions counted by effective status and message count. Small however many sessions there are, and
 * enough for the totals, the average and the percentiles, so the database never sorts every session.
 */
final class SessionHistogram {

    private final Map<String, Long> byStatus = new TreeMap<>();
    private final TreeMap<Integer, Long> byMessageCount = new TreeMap<>();
    private long sessions;
    private long messages;
    private long tokens;

    void add(String status, int messageCount, long sessionCount, long tokenSum) {
        byStatus.merge(status, sessionCount, Long::sum);
        byMessageCount.merge(messageCount, sessionCount, Long::sum);
        sessions += sessionCount;
        messages += (long) messageCount * sessionCount;
        tokens += tokenSum;
    }

    SessionStats.StatusTotals totals() {
        return new SessionStats.StatusTotals(sessions, byStatus.getOrDefault("active", 0L),
                byStatus.getOrDefault("inactive", 0L), byStatus.getOrDefault("ended", 0L));
    }

    SessionStats.MessagesPerSession messagesPerSession() {
        double average = sessions == 0 ? 0 : Math.round(100.0 * messages / sessions) / 100.0;
        return new SessionStats.MessagesPerSession(average, percentile(0.5), percentile(0.95));
    }

    long messages() {
        return messages;
    }

    long tokens() {
        return tokens;
    }

    /** As PostgreSQL's percentile_disc: the smallest message count at or above this fraction of sessions. */
    int percentile(double fraction) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : byMessageCount.entrySet()) {
            seen += bucket.getValue();
            if (seen >= fraction * sessions) {
                return bucket.getKey();
            }
        }
        return 0;
    }
}
