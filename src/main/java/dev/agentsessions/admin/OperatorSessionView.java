package dev.agentsessions.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentsessions.session.AgentSession;
import dev.agentsessions.session.SessionPolicy;
import java.time.Instant;
import java.util.Map;

/**
 * A session as the operator sees it: with where it came from (address, user agent, website), the
 * website's user id and the tokens used. Lists leave the context out; a single session carries it.
 */
public record OperatorSessionView(
        String sessionId,
        String agentId,
        String status,
        String userId,
        String websiteDomain,
        String ipAddress,
        String userAgent,
        int messageCount,
        long tokensUsed,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> context,
        Instant startedAt,
        Instant lastActivityAt,
        Instant endedAt) {

    public static OperatorSessionView of(AgentSession session, SessionPolicy policy, Instant now) {
        return new OperatorSessionView(session.sessionId(), session.agentId(),
                policy.effectiveStatus(session.storedStatus(), session.lastActivityAt(), now).dbValue(),
                session.userId(), session.websiteDomain(), session.ipAddress(), session.userAgent(),
                session.messageCount(), session.tokensUsed(), session.context(), session.startedAt(),
                session.lastActivityAt(), session.endedAt());
    }
}
