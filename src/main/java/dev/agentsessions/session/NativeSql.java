package dev.agentsessions.session;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * A native SQL statement assembled from fragments, each carrying the values of its own `?` placeholders,
 * so optional filters can be added without counting parameter positions by hand.
 */
public final class NativeSql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    public NativeSql add(String fragment, Object... fragmentValues) {
        long placeholders = fragment.chars().filter(c -> c == '?').count();
        if (placeholders != fragmentValues.length) {
            throw new IllegalArgumentException("Fragment has " + placeholders + " placeholders but "
                    + fragmentValues.length + " values: " + fragment);
        }
        text.append(fragment);
        values.addAll(List.of(fragmentValues));
        return this;
    }

    public NativeSql add(NativeSql other) {
        text.append(other.text);
        values.addAll(other.values);
        return this;
    }

    /** Runs the query on the transaction's connection; must run inside a transaction. */
    public <T> T query(EntityManager entityManager, Rows<T> reader) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection); ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        });
    }

    /** Runs the statement on the transaction's connection and returns the rows it changed. */
    public int update(EntityManager entityManager) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection)) {
                return statement.executeUpdate();
            }
        });
    }

    private PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    /** Reads a whole result set into a value. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
