package dev.agentsessions.message;

import java.util.Map;

/** A stored message with the session's counters and context as they stand right after it. */
public record Appended(MessageView message, int messageCount, Map<String, Object> context) {}
