package dev.agentsessions.analytics;

import dev.agentsessions.observability.ChatMetrics;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Keeps agent_sessions_active{agent} from a periodic count in the database, not from one replica's
 * memory: every replica reports the same number (dashboards take max, not sum).
 */
@ApplicationScoped
public class ActiveSessionsGauge {

    private final StatsService stats;
    private final ChatMetrics metrics;

    public ActiveSessionsGauge(StatsService stats, ChatMetrics metrics) {
        this.stats = stats;
        this.metrics = metrics;
    }

    @Scheduled(identity = "active-sessions-gauge", every = "${agent-sessions.operator.active-gauge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        metrics.activeSessions(stats.activeByAgent());
    }
}
