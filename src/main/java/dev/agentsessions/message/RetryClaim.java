package dev.agentsessions.message;

import java.time.Duration;

/**
 * A retry's attempt to take over an unanswered turn: taken, or refused while another request holds the
 * turn's lease, which still runs for leaseLeft (at least a second).
 */
public record RetryClaim(boolean taken, Duration leaseLeft) {}
