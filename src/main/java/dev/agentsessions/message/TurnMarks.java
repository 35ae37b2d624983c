package dev.agentsessions.message;

import java.time.Duration;

/**
 * Chat-turn bookkeeping written by the same statement as a message: a user message waits for its reply
 * until a deadline; storing the reply marks the user message answered with the prompt tokens it cost.
 */
public record TurnMarks(Duration replyDeadline, Integer answeredUserTokens) {

    public static final TurnMarks NONE = new TurnMarks(null, null);

    public static TurnMarks awaitingReply(Duration deadline) {
        return new TurnMarks(deadline, null);
    }

    public static TurnMarks answered(Integer promptTokens) {
        return new TurnMarks(null, promptTokens);
    }
}
