package dev.agentsessions.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * PostgreSQL cannot be reached right now: it is down or restarting, a pooled connection died with it, or no
 * connection came free in time. Answered 503 with Retry-After, since a retry (with the same
 * client_message_id) is the cure; never a 500, which would say the service is broken.
 */
public class DatabaseUnavailable extends ProblemException {

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int MAX_CAUSES = 20;

    public DatabaseUnavailable(Duration retryAfter) {
        super(503, "database-unavailable", "Database unavailable",
                "The database cannot be reached right now; retry after Retry-After seconds (a chat message with the "
                        + "same client_message_id, so it is stored once)", null);
        retryAfter(Math.max(1, retryAfter.toSeconds()));
    }

    /** Whether this failure, or one of its causes, means the database could not be reached (not a bug). */
    public static boolean causedBy(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
                // The pool's acquisition timeout: no connection could be had (or made) in time.
                if (state == null && sql.getCause() instanceof TimeoutException) {
                    return true;
                }
            }
        }
        return false;
    }
}
