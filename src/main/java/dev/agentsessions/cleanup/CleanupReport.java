package dev.agentsessions.cleanup;

/** What one cleanup run did, as `POST /api/admin/cleanup` answers it. */
public record CleanupReport(long markedInactive, long deletedSessions, long deletedMessages, long durationMs) {}
