package dev.agentsessions.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

    @Test
    void mintedIdsCarryAtLeast128RandomBitsAndAreUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = SessionIds.mint();
            assertTrue(id.matches("[A-Za-z0-9_-]{32}"), id);
            assertTrue(Base64.getUrlDecoder().decode(id).length * 8 >= 128);
            assertTrue(SessionIds.isWellFormed(id));
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void onlyStrictlyFormedIdsAreLookedUp() {
        assertTrue(SessionIds.isWellFormed("3f2b8c1e-9d4a-4e8b-a1c2-7f6e5d4c3b2a"));
        assertFalse(SessionIds.isWellFormed("short"));
        assertFalse(SessionIds.isWellFormed("has space in the middle 123"));
        assertFalse(SessionIds.isWellFormed("../../../../etc/passwd/xx"));
        assertFalse(SessionIds.isWellFormed("x".repeat(129)));
        assertFalse(SessionIds.isWellFormed(null));
    }
}
