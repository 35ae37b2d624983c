package dev.agentsessions.cleanup;

import dev.agentsessions.config.AgentSessionsConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Runs cleanup on every replica on the configured schedule: every {@code cleanup.every}, or on
 * {@code cleanup.cron} when that is set. Overlapping runs are safe (see CleanupBatches); the random start
 * delay only spreads the database load of many replicas firing at the same moment.
 */
@ApplicationScoped
public class SessionCleanupJob {

    public static final String EVERY = "session-cleanup";
    public static final String CRON = "session-cleanup-cron";

    private final CleanupService cleanup;

    public SessionCleanupJob(CleanupService cleanup) {
        this.cleanup = cleanup;
    }

    @Scheduled(identity = EVERY,
            every = "${agent-sessions.cleanup.every}",
            executionMaxDelay = "${agent-sessions.cleanup.jitter}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CronReplacesEvery.class)
    @Scheduled(identity = CRON,
            cron = "${agent-sessions.cleanup.cron}",
            executionMaxDelay = "${agent-sessions.cleanup.jitter}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            cleanup.run(Optional.empty());
        } catch (RuntimeException e) {
            Log.error("Session cleanup failed; the next scheduled run continues where it stopped", e);
        }
    }

    static boolean isOff(String schedule) {
        return schedule.equalsIgnoreCase("off") || schedule.equalsIgnoreCase("disabled");
    }

    /** With a cron expression configured, the interval trigger stands down. */
    @Singleton
    static class CronReplacesEvery implements Scheduled.SkipPredicate {

        private final boolean cronConfigured;

        CronReplacesEvery(AgentSessionsConfig config) {
            this.cronConfigured = !isOff(config.cleanup().cron());
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return cronConfigured;
        }
    }
}
