package dev.agentsessions.chat;

import dev.agentsessions.web.Problem;

/** Receives a streamed chat turn as it happens. */
interface TurnListener {

    void session(String sessionId, boolean newSession, String replacedSessionId);

    void delta(String text);

    void done(ChatResponse response);

    /** The turn failed after streaming began; nothing follows. */
    void failed(Problem problem);
}
