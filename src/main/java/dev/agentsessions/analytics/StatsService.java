package dev.agentsessions.analytics;

import dev.agentsessions.agent.AgentNotFound;
import dev.agentsessions.agent.AgentRepository;
import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.session.LifecycleSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Session analytics for one agent or for all of them. */
@ApplicationScoped
public class StatsService {

    private static final int TOP_DOMAINS = 10;

    private final StatsQueries queries;
    private final AgentRepository agents;
    private final AgentSessionsConfig config;

    public StatsService(StatsQueries queries, AgentRepository agents, AgentSessionsConfig config) {
        this.queries = queries;
        this.agents = agents;
        this.config = config;
    }

    /** Stats of one agent; null agentId means every agent together. */
    @Transactional
    public SessionStats stats(String agentId, int days) {
        if (agentId != null && agents.findAgent(agentId).isEmpty()) {
            throw new AgentNotFound(agentId);
        }
        Instant now = Instant.now();
        LifecycleSql lifecycle = LifecycleSql.at(now, config);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(days - 1L);
        StatsQueries.StatsRows rows = queries.sessionStats(lifecycle, agentId, firstDay, TOP_DOMAINS);
        List<SessionStats.DayCount> perDay = Stream.iterate(firstDay, day -> !day.isAfter(today), day -> day.plusDays(1))
                .map(day -> new SessionStats.DayCount(day, rows.startedPerDay().getOrDefault(day, 0L)))
                .toList();
        SessionHistogram histogram = rows.histogram();
        return new SessionStats(agentId, now, histogram.totals(), histogram.messagesPerSession(), histogram.messages(),
                histogram.tokens(), rows.topDomains(), days, perDay);
    }

    /** Effectively active sessions per agent, every agent listed. */
    @Transactional
    public Map<String, Long> activeByAgent() {
        return queries.activeByAgent(LifecycleSql.at(Instant.now(), config));
    }
}
