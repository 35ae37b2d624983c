package dev.agentsessions.cleanup;

import dev.agentsessions.config.AgentSessionsConfig;
import dev.agentsessions.observability.ChatMetrics;
import dev.agentsessions.session.SessionStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lifecycle job: active sessions idle past their idle timeout become inactive, and inactive and ended
 * sessions past retention are deleted with their messages. Work goes in bounded batches of one short
 * transaction each, so any number of replicas (and operator runs) may clean at the same moment.
 */
@ApplicationScoped
public class CleanupService {

    private final CleanupBatches batches;
    private final AgentSessionsConfig config;
    private final ChatMetrics metrics;
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

    public CleanupService(CleanupBatches batches, AgentSessionsConfig config, ChatMetrics metrics) {
        this.batches = batches;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Runs cleanup to the end. {@code retention} replaces the configured default retention for this run;
     * agents with their own retention keep it.
     */
    public CleanupReport run(Optional<Duration> retention) {
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            long idleSeconds = config.sessions().idleTimeout().toSeconds();
            long retentionSeconds = retention.orElse(config.sessions().retention()).toSeconds();
            Totals marked = drain(from -> batches.markIdle(from, idleSeconds, batchSize()),
                    batch -> metrics.cleanupMarkedInactive(batch.sessions()));
            Totals deleted = Totals.NONE;
            for (SessionStatus status : new SessionStatus[] {SessionStatus.INACTIVE, SessionStatus.ENDED}) {
                deleted = deleted.plus(drain(
                        from -> batches.deleteExpired(status.dbValue(), from, retentionSeconds, batchSize()),
                        batch -> metrics.cleanupDeleted(batch.sessions(), batch.messages())));
            }
            CleanupReport report = new CleanupReport(marked.sessions(), deleted.sessions(), deleted.messages(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            lastSuccess.set(Instant.now());
            succeeded = true;
            Log.infof("Session cleanup: %d marked inactive, %d sessions and %d messages deleted in %d ms",
                    report.markedInactive(), report.deletedSessions(), report.deletedMessages(), report.durationMs());
            return report;
        } finally {
            metrics.cleanupRun(Duration.ofNanos(System.nanoTime() - started), succeeded);
        }
    }

    /** When this replica last finished a run without error. */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess.get());
    }

    /**
     * Runs batches until one comes back short: nothing unlocked is left to do. Each committed batch is
     * counted at once, so a run that fails half-way still reports the work it did.
     */
    private Totals drain(Function<OffsetDateTime, CleanupBatches.Batch> step, Consumer<CleanupBatches.Batch> count) {
        Totals totals = Totals.NONE;
        OffsetDateTime from = CleanupBatches.BEGINNING;
        while (true) {
            CleanupBatches.Batch batch = step.apply(from);
            count.accept(batch);
            totals = totals.plus(new Totals(batch.sessions(), batch.messages()));
            if (batch.sessions() < batchSize()) {
                return totals;
            }
            from = batch.lastActivity();
        }
    }

    private int batchSize() {
        return config.cleanup().batchSize();
    }

    private record Totals(long sessions, long messages) {
        static final Totals NONE = new Totals(0, 0);

        Totals plus(Totals other) {
            return new Totals(sessions + other.sessions, messages + other.messages);
        }
    }
}
