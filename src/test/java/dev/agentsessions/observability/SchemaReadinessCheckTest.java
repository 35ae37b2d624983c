package dev.agentsessions.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** An unreachable database turns readiness and the database-ready gauge down (no running app needed). */
class SchemaReadinessCheckTest {

    @Test
    void anUnreachableDatabaseIsNotReadyAndTheGaugeSaysSo() throws SQLException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (AgroalDataSource nowhere = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1)
                        .acquisitionTimeout(Duration.ofSeconds(2))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl("jdbc:postgresql://127.0.0.1:1/none"))))) {
            HealthCheckResponse response = new SchemaReadinessCheck(nowhere, new ChatMetrics(registry)).call();

            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertEquals(0.0, registry.get("agent_sessions_database_ready").gauge().value());
        }
    }
}
