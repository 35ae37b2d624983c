package dev.agentsessions.cleanup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Optional body of `POST /api/admin/cleanup`. {@code retention_hours} replaces the configured default
 * retention for this run only (agents with their own retention keep it): the old manual
 * {@code cleanup(hours=24)} is {@code {"retention_hours": 24}}.
 */
public record CleanupRequest(@Min(1) @Max(MAX_RETENTION_HOURS) Integer retentionHours) {

    /** Ten years: longer keeps everything anyway, and the bound keeps the arithmetic far from overflow. */
    public static final int MAX_RETENTION_HOURS = 87_600;

    Optional<Duration> retention() {
        return Optional.ofNullable(retentionHours).map(Duration::ofHours);
    }
}
