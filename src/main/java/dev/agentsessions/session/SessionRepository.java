package dev.agentsessions.session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<AgentSession, UUID> {

    /** The session with this public id, only if it belongs to this agent. */
    public Optional<AgentSession> findForAgent(String agentId, String sessionId) {
        if (!SessionIds.isWellFormed(sessionId)) {
            return Optional.empty();
        }
        return find("agentId = ?1 and sessionId = ?2", agentId, sessionId).firstResultOptional();
    }

    public boolean sessionIdTaken(String sessionId) {
        return count("sessionId", sessionId) > 0;
    }

    public void markEnded(UUID id, Instant now) {
        update("status = 'ended', endedAt = ?2 where id = ?1 and status <> 'ended'", id, now);
    }

    /** One DELETE; the messages go with it by ON DELETE CASCADE. */
    public void erase(UUID id) {
        delete("id", id);
    }
}
