package dev.agentsessions.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which failures mean "PostgreSQL cannot be reached right now" (503, retry) rather than a bug (500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresShutdownsAndPoolTimeoutsAreUnavailability() {
        // A pooled connection that died with the server, as Hibernate reports it.
        assertTrue(DatabaseUnavailable.causedBy(new JDBCConnectionException("JDBC exception executing SQL",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))));
        // A new connection refused while the server is down, wrapped by a transaction on the way up.
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException("commit failed",
                new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        // A commit whose connection died: the driver's error is suppressed by the transaction manager's.
        Exception commit = new IllegalStateException("Could not commit transaction.");
        commit.addSuppressed(new Exception("Error trying to transactionCommit local transaction",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException("Error invoking subclass method", commit)));
        // The server shutting down or starting up.
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
        // Agroal's acquisition timeout.
        assertTrue(DatabaseUnavailable.causedBy(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException())));
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key value", "23505"), "agent_messages_session_seq_key")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causedBy(new NullPointerException()));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("no state")));
    }

    @Test
    void itIsA503ProblemWithRetryAfter() {
        DatabaseUnavailable problem = new DatabaseUnavailable(Duration.ofSeconds(2));
        assertEquals(503, problem.problem().status());
        assertEquals("urn:agent-sessions:problem:database-unavailable", problem.problem().type());
        assertEquals(2L, problem.retryAfterSeconds());
        assertEquals(1L, new DatabaseUnavailable(Duration.ofMillis(200)).retryAfterSeconds());
    }
}
