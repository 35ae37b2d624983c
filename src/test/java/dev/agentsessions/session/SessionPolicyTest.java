package dev.agentsessions.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

    private final SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(24));
    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void anActiveSessionTurnsInactiveAfterTheIdleTimeout() {
        assertEquals(SessionStatus.ACTIVE, policy.effectiveStatus(SessionStatus.ACTIVE, now.minusSeconds(29 * 60), now));
        assertEquals(SessionStatus.INACTIVE, policy.effectiveStatus(SessionStatus.ACTIVE, now.minusSeconds(30 * 60), now));
        assertEquals(SessionStatus.ENDED, policy.effectiveStatus(SessionStatus.ENDED, now, now));
    }

    @Test
    void inactiveAndEndedSessionsAreGoneAfterRetention() {
        Instant dayAgo = now.minus(Duration.ofHours(24));
        assertTrue(policy.isGone(SessionStatus.INACTIVE, dayAgo, now));
        assertTrue(policy.isGone(SessionStatus.ENDED, dayAgo, now));
        assertTrue(policy.isGone(SessionStatus.ACTIVE, dayAgo, now), "an active row idle past retention is gone too");
        assertFalse(policy.isGone(SessionStatus.ENDED, dayAgo.plusSeconds(1), now));
        assertFalse(policy.isGone(SessionStatus.ACTIVE, now.minusSeconds(60), now));
    }

    @Test
    void anIdleTimeoutLongerThanRetentionKeepsAnActiveSessionAlive() {
        SessionPolicy patient = new SessionPolicy(Duration.ofHours(48), Duration.ofHours(24));
        assertFalse(patient.isGone(SessionStatus.ACTIVE, now.minus(Duration.ofHours(30)), now));
        assertTrue(patient.isGone(SessionStatus.INACTIVE, now.minus(Duration.ofHours(30)), now));
    }
}
