package dev.agentsessions.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Gives Quarkus' HTTP server timer a few fixed latency buckets, so Prometheus can compute the p99 that
 * the dashboard shows and the latency alert watches. Fixed buckets, not a full percentile histogram,
 * keep it to a dozen series per route.
 */
@Singleton
public class HttpLatencyBuckets {

    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    public MeterFilter httpServerLatencyBuckets() {
        double[] bucketsNanos = Stream.of(25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000)
                .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
                .toArray();
        DistributionStatisticConfig buckets = DistributionStatisticConfig.builder()
                .serviceLevelObjectives(bucketsNanos)
                .build();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals(HTTP_SERVER_REQUESTS) ? buckets.merge(config) : config;
            }
        };
    }
}
