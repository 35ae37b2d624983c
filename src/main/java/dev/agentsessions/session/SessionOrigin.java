package dev.agentsessions.session;

/** Where a session was started from, recorded once at creation. */
public record SessionOrigin(String websiteDomain, String ipAddress, String userAgent) {}
