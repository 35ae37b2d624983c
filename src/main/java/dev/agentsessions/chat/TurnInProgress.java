package dev.agentsessions.chat;

import dev.agentsessions.web.ProblemException;
import java.time.Duration;

/**
 * A retry arrived while the first request with the same client_message_id is still being answered, or may
 * be: its lease has not run out. Retry-After says when it does; a retry then finishes the turn, even if the
 * replica that held it died.
 */
class TurnInProgress extends ProblemException {

    TurnInProgress(Duration leaseLeft, String sessionId) {
        super(409, "turn-in-progress", "Turn in progress",
                "A request with this client_message_id is still being answered; retry it after Retry-After seconds",
                "client_message_id");
        retryAfter(leaseLeft.toSeconds());
        inSession(sessionId);
    }
}
