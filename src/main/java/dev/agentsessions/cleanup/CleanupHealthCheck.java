package dev.agentsessions.cleanup;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Down when this replica's cleanup has not succeeded for three scheduling intervals (counted from
 * start-up before the first success). A wellness check only: a late cleanup is worth an alert, never a
 * restart or taking the replica out of service, since reads treat expired sessions as gone anyway.
 */
@Wellness
@ApplicationScoped
public class CleanupHealthCheck implements HealthCheck {

    static final String NAME = "session-cleanup";
    static final int ALLOWED_INTERVALS = 3;

    private final Scheduler scheduler;
    private final CleanupService cleanup;
    private final Instant startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    public CleanupHealthCheck(Scheduler scheduler, CleanupService cleanup) {
        this.scheduler = scheduler;
        this.cleanup = cleanup;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> lastSuccess = cleanup.lastSuccess();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("last_success", lastSuccess.map(Instant::toString).orElse("never"));
        Trigger trigger = Optional.ofNullable(scheduler.getScheduledJob(SessionCleanupJob.CRON))
                .orElseGet(() -> scheduler.getScheduledJob(SessionCleanupJob.EVERY));
        if (trigger == null || trigger.getNextFireTime() == null) {
            return response.up().withData("schedule", "off").build();
        }
        Duration interval = interval(trigger.getPreviousFireTime(), trigger.getNextFireTime(), startedAt);
        return response.status(!overdue(lastSuccess.orElse(null), startedAt, interval, Instant.now()))
                .withData("interval", interval.toString())
                .build();
    }

    /** The gap between two fire times; before the first fire, from start-up to it. */
    static Duration interval(Instant previousFire, Instant nextFire, Instant startedAt) {
        return Duration.between(previousFire != null ? previousFire : startedAt, nextFire);
    }

    static boolean overdue(Instant lastSuccess, Instant startedAt, Duration interval, Instant now) {
        Instant since = lastSuccess != null ? lastSuccess : startedAt;
        return now.isAfter(since.plus(interval.multipliedBy(ALLOWED_INTERVALS)));
    }
}
