package fushun.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    /** A clock the test moves. */
    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldLetABurstThroughThenOneEverySecondAndSayHowLongToWait() {
        Manual clock = new Manual();
        TokenBuckets buckets = new TokenBuckets(1, 3, clock);

        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(1);
        assertThat(buckets.take("b")).as("another caller has a bucket of its own").isZero();

        clock.now = clock.now.plus(Duration.ofMillis(1000));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).as("refilled to the burst, never beyond").isZero();
        }
        assertThat(buckets.take("a")).isEqualTo(1);
    }

    @Test
    void shouldWaitLongerAtASlowerRate() {
        Manual clock = new Manual();
        TokenBuckets buckets = new TokenBuckets(0.25, 1, clock);

        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(4);
    }

    @Test
    void shouldRefuseALimitThatLetsNothingThrough() {
        assertThatThrownBy(() -> new TokenBuckets(0, 1, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBuckets(1, 0, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
