package dev.agentsessions.session;

import dev.agentsessions.web.ProblemException;

/** The same answer for a session that never existed, belongs to another agent or origin, or has expired. */
public class SessionNotFound extends ProblemException {

    public SessionNotFound() {
        super(404, "session-not-found", "Session not found", "There is no such session for this agent", "session_id");
    }
}
