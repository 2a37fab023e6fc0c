package io.redispoolagent.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleRingTest {

    private static final long SECOND = 1_000_000_000L;

    private static Reading at(long seconds, long borrows, long returns, double holdSeconds, int used, int pending) {
        return new Reading(seconds * SECOND, borrows, 0, returns, holdSeconds, used, pending);
    }

    @Test
    void ratesCoverTheOldestKeptReadingToNow() {
        SampleRing ring = new SampleRing(3);
        ring.add(at(0, 0, 0, 0, 1, 0));
        ring.add(at(5, 500, 500, 2.5, 7, 2));
        ring.add(at(10, 1000, 1000, 5.0, 1, 0));
        SampleRing.Window window = ring.window(at(12, 1200, 1200, 6.0, 2, 0));

        assertThat(window.seconds).isCloseTo(12, within(1e-9));
        assertThat(window.borrowsPerSecond()).isCloseTo(100, within(1e-9));
        assertThat(window.meanHoldSeconds()).isCloseTo(0.005, within(1e-12));
        assertThat(window.peakDemand).isEqualTo(9);
    }

    @Test
    void theOldestReadingIsOverwrittenFirst() {
        SampleRing ring = new SampleRing(2);
        ring.add(at(0, 0, 0, 0, 50, 0));
        ring.add(at(5, 100, 100, 1, 1, 0));
        ring.add(at(10, 200, 200, 2, 1, 0));
        SampleRing.Window window = ring.window(at(15, 300, 300, 3, 1, 0));
        assertThat(window.seconds).isCloseTo(10, within(1e-9));
        assertThat(window.borrows).isEqualTo(200);
        assertThat(window.peakDemand).as("the reading with 50 in use is gone").isEqualTo(1);
    }

    @Test
    void tooShortAWindowOrNoReturnsMeanNotMeasured() {
        SampleRing ring = new SampleRing(3);
        assertThat(ring.window(at(0, 0, 0, 0, 0, 0))).isNull();
        ring.add(new Reading(0, 0, 0, 0, 0, 3, 0));
        SampleRing.Window window = ring.window(new Reading(SECOND / 2, 10, 0, 0, 0, 3, 0));
        assertThat(window.borrowsPerSecond()).isNaN();
        assertThat(window.meanHoldSeconds()).isNaN();
    }
}
