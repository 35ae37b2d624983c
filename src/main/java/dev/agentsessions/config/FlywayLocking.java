package dev.agentsessions.config;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway serialises replicas that migrate at once with a PostgreSQL advisory lock. Its default takes
 * that lock inside a transaction kept open for the whole migration, and CREATE INDEX CONCURRENTLY waits
 * for every open transaction to finish, so the two would wait on each other forever. A session-level
 * lock serialises replicas just the same without an open transaction.
 */
@Singleton
public class FlywayLocking implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
    }
}
