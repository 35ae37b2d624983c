package dev.agentsessions.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstUpToTheLimitThenOneTokenPerShare() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.tryTake(3, 0));
        }
        assertEquals(20 * SECOND, bucket.tryTake(3, 0));
        assertEquals(5 * SECOND, bucket.tryTake(3, 15 * SECOND));
        assertEquals(0, bucket.tryTake(3, 20 * SECOND));
        assertTrue(bucket.tryTake(3, 20 * SECOND) > 0);
    }

    @Test
    void anIdleBucketRefillsOnlyUpToTheLimit() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofMinutes(1), 0);
        long later = 3_600 * SECOND;
        assertEquals(0, bucket.tryTake(2, later));
        assertEquals(0, bucket.tryTake(2, later));
        assertTrue(bucket.tryTake(2, later) > 0);
    }

    @Test
    void aLoweredLimitAppliesAtOnce() {
        TokenBucket bucket = new TokenBucket(100, Duration.ofMinutes(1), 0);
        assertEquals(0, bucket.tryTake(1, 0));
        assertEquals(60 * SECOND, bucket.tryTake(1, 0));
    }
}
