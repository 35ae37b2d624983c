package dev.agentsessions.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Analytics over the sessions that exist now (those past retention count as gone), for one agent or all.
 * Statuses are effective ones; messages and tokens are summed from the sessions' counters.
 */
public record SessionStats(
        @JsonInclude(JsonInclude.Include.NON_NULL) String agentId,
        Instant generatedAt,
        StatusTotals sessions,
        MessagesPerSession messagesPerSession,
        long messages,
        long tokens,
        List<DomainCount> topWebsiteDomains,
        int days,
        List<DayCount> sessionsPerDay) {

    public record StatusTotals(long total, long active, long inactive, long ended) {}

    /** Average and percentiles (p50, p95: message counts of actual sessions) of messages per session. */
    public record MessagesPerSession(double average, int p50, int p95) {}

    public record DomainCount(String websiteDomain, long sessions) {}

    /** Sessions started on this UTC day. */
    public record DayCount(LocalDate date, long sessions) {}
}
