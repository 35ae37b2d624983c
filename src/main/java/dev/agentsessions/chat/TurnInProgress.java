package dev.agentsessions.chat;

import dev.agentsessions.web.ProblemException;

/** A retry arrived while the first request with the same client_message_id is still being answered. */
class TurnInProgress extends ProblemException {

    TurnInProgress() {
        super(409, "turn-in-progress", "Turn in progress",
                "A request with this client_message_id is still being answered; retry it shortly", "client_message_id");
    }
}
