package dev.agentsessions.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimiterTest {

    @Inject
    RateLimiter limiter;

    @Test
    void memoryStaysBoundedWhateverCallersSend() {
        RateLimits limits = new RateLimits(10, 10, 10);
        // Test config keeps the default of 50,000 keys per limit.
        for (int i = 0; i < 60_000; i++) {
            limiter.check(LimitKind.NEW_SESSION, "bounded_test", "203.0.113." + i, limits);
        }
        long tracked = limiter.trackedKeys(LimitKind.NEW_SESSION);
        assertTrue(tracked <= 50_000, tracked + " keys tracked");
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertEquals(RateLimiter.addressKey("2001:db8:1:2:aaaa::1"), RateLimiter.addressKey("2001:db8:1:2:bbbb::9"));
        assertNotEquals(RateLimiter.addressKey("2001:db8:1:2::1"), RateLimiter.addressKey("2001:db8:1:3::1"));
        assertEquals("203.0.113.7", RateLimiter.addressKey("203.0.113.7"));
        assertEquals("not:an:address:at:all", RateLimiter.addressKey("not:an:address:at:all"));
    }
}
