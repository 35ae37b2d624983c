package dev.agentsessions.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reads what is really in the database, with plain SQL, for assertions. It opens its own JDBC connections
 * to the database the application uses (the URL comes from the test's configuration), so it works the same
 * in a @QuarkusTest and in a *IT against the packaged application, where nothing can be injected: tests
 * that an IT re-runs create it with {@code new Db()}.
 */
@ApplicationScoped
public class Db {

    private PGSimpleDataSource dataSource;

    public long count(String sql, Object... params) {
        return ((Number) single(sql, params)).longValue();
    }

    public Object single(String sql, Object... params) {
        List<List<Object>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public List<Object> column(String sql, Object... params) {
        return rows(sql, params).stream().map(row -> row.get(0)).toList();
    }

    public List<List<Object>> rows(String sql, Object... params) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rs = statement.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql, Object... params) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, params)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long messagesOfAgent(String agentId) {
        return count("SELECT count(*) FROM agent_messages m JOIN agent_sessions s ON s.id = m.session_id WHERE s.agent_id = ?", agentId);
    }

    public long sessionsOfAgent(String agentId) {
        return count("SELECT count(*) FROM agent_sessions WHERE agent_id = ?", agentId);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    private synchronized Connection connect() throws SQLException {
        if (dataSource == null) {
            Config config = ConfigProvider.getConfig();
            dataSource = new PGSimpleDataSource();
            dataSource.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
            dataSource.setUser(config.getValue("quarkus.datasource.username", String.class));
            dataSource.setPassword(config.getValue("quarkus.datasource.password", String.class));
        }
        return dataSource.getConnection();
    }
}
