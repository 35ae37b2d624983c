package dev.agentsessions.message;

import dev.agentsessions.web.ProblemException;

/** Another request stored the same message (same client_message_id, or a reply to the same turn) first. */
public class DuplicateMessage extends ProblemException {

    public DuplicateMessage() {
        super(409, "duplicate-message", "Duplicate message",
                "Another request with the same client_message_id is being processed; retry it shortly", "client_message_id");
        retryAfter(1);
    }
}
