package dev.agentsessions.session;

import java.time.Instant;
import java.util.Map;

/** A session as the website sees it; the visitor's address and user agent stay on the operator side. */
public record SessionView(
        String sessionId,
        String agentId,
        String status,
        int messageCount,
        Map<String, Object> context,
        Instant startedAt,
        Instant lastActivityAt,
        Instant endedAt) {

    public static SessionView of(AgentSession session, SessionPolicy policy, Instant now) {
        return new SessionView(session.sessionId(), session.agentId(),
                policy.effectiveStatus(session.storedStatus(), session.lastActivityAt(), now).dbValue(),
                session.messageCount(), session.context(), session.startedAt(), session.lastActivityAt(),
                session.endedAt());
    }
}
