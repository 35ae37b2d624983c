package dev.agentsessions.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
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
    private static final int MAX_CAUSES = 50;

    public DatabaseUnavailable(Duration retryAfter) {
        super(503, "database-unavailable", "Database unavailable",
                "The database cannot be reached right now; retry after Retry-After seconds (a chat message with the "
                        + "same client_message_id, so it is stored once)", null);
        retryAfter(Math.max(1, retryAfter.toSeconds()));
    }

    /**
     * Whether this failure, one of its causes or an exception suppressed on the way (a failed commit reports
     * the connection's error as suppressed), means the database could not be reached rather than a bug.
     */
    public static boolean causedBy(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.push(failure);
        while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (unreachable(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            // The pool's acquisition timeout: no connection could be had (or made) in time.
            return state == null && sql.getCause() instanceof TimeoutException;
        }
        return false;
    }
}
