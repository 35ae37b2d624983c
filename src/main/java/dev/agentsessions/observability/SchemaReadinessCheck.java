package dev.agentsessions.observability;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while PostgreSQL answers and holds the migrated schema. */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private static final String LATEST_MIGRATION =
            "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1";

    private final AgroalDataSource dataSource;
    private final ChatMetrics metrics;

    public SchemaReadinessCheck(AgroalDataSource dataSource, ChatMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse response = checkSchema();
        metrics.databaseChecked(response.getStatus() == HealthCheckResponse.Status.UP);
        return response;
    }

    private HealthCheckResponse checkSchema() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database-schema");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet row = statement.executeQuery(LATEST_MIGRATION)) {
                return row.next()
                        ? response.up().withData("schema-version", row.getString(1)).build()
                        : response.down().withData("reason", "no migration applied").build();
            }
        } catch (Exception e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}
