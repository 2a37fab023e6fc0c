package io.redispoolagent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Test
    void withoutJitterTheDefaultPausesAreExactly8_32_128Milliseconds() {
        Backoff backoff =
                Backoff.of(RetrySettings.DEFAULTS.toBuilder().jitter(false).build());

        assertThat(backoff.delayNanos(1)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(8));
        assertThat(backoff.delayNanos(2)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(32));
        assertThat(backoff.delayNanos(3)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(128));
    }

    @Test
    void pausesAreCappedAtTheMaximum() {
        Backoff backoff = new Backoff(8, 512, 4, false);

        assertThat(millis(backoff.delayNanos(4))).isEqualTo(512);
        assertThat(millis(backoff.delayNanos(5))).isEqualTo(512);
        assertThat(millis(backoff.delayNanos(1_000))).isEqualTo(512);
    }

    @Test
    void jitterDrawsEachPauseFromTheUpperHalfOfTheUnjitteredOne() {
        Backoff lowest = new Backoff(8, 512, 4, true, () -> 0.0);
        Backoff highest = new Backoff(8, 512, 4, true, () -> 0.999_999_999);
        Backoff middle = new Backoff(8, 512, 4, true, () -> 0.5);

        assertThat(millis(lowest.delayNanos(1))).isEqualTo(4);
        assertThat(highest.delayNanos(1)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(8));
        assertThat(millis(lowest.delayNanos(3))).isEqualTo(64);
        assertThat(highest.delayNanos(3)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(128));
        assertThat(millis(middle.delayNanos(3))).isEqualTo(96);
    }

    @Test
    void jitterWithTheRealRandomStaysWithinTheHalfOpenRange() {
        Backoff backoff = new Backoff(8, 512, 4, true);
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.delayNanos(2))
                    .isBetween(TimeUnit.MILLISECONDS.toNanos(16), TimeUnit.MILLISECONDS.toNanos(32));
        }
    }

    @Test
    void aMultiplierOfOneGivesConstantPauses() {
        Backoff backoff = new Backoff(50, 512, 1, false);

        assertThat(millis(backoff.delayNanos(1))).isEqualTo(50);
        assertThat(millis(backoff.delayNanos(3))).isEqualTo(50);
    }
}
