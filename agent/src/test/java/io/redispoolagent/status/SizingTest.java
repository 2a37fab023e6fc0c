package io.redispoolagent.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SizingTest {

    @Test
    void littlesLawIsBorrowRateTimesMeanHoldTime() {
        assertThat(Sizing.meanInUse(200, 0.005)).isCloseTo(1.0, within(1e-12));
        assertThat(Sizing.meanInUse(1000, 0.030)).isCloseTo(30.0, within(1e-9));
        assertThat(Sizing.meanInUse(Double.NaN, 0.005)).isNaN();
        assertThat(Sizing.meanInUse(100, Double.NaN)).isNaN();
    }

    @Test
    void largePoolsRunAtHalfUtilizationOnAverage() {
        // L = 30: 30 / 0.5 = 60 beats 30 + 2 sqrt(30) = 41
        assertThat(Sizing.suggestMaxTotal(30, 0)).isEqualTo(60);
        assertThat(Sizing.suggestMaxTotal(10, 0)).isEqualTo(20);
    }

    @Test
    void smallPoolsGetSquareRootStaffingHeadroom() {
        // L = 1: 1 + 2 sqrt(1) = 3 beats 1 / 0.5 = 2
        assertThat(Sizing.suggestMaxTotal(1, 0)).isEqualTo(3);
        // L = 0.25: 0.25 + 2 x 0.5 = 1.25 -> 2
        assertThat(Sizing.suggestMaxTotal(0.25, 0)).isEqualTo(2);
        // crossover at L = 4: both give 8
        assertThat(Sizing.suggestMaxTotal(4, 0)).isEqualTo(8);
    }

    @Test
    void theSampledPeakSitsAtOrBelowTheCriticalLine() {
        // Little's law sees no load (connections held for the whole window), the peak does: 4 / 0.8 = 5, not 6
        assertThat(Sizing.suggestMaxTotal(Double.NaN, 4)).isEqualTo(5);
        assertThat(Sizing.suggestMaxTotal(0.1, 8)).isEqualTo(10);
        assertThat(Sizing.suggestMaxTotal(0, 3)).isEqualTo(4);
    }

    @Test
    void noMeasurementNoSuggestionAndTheResultIsBounded() {
        assertThat(Sizing.suggestMaxTotal(Double.NaN, 0)).isEqualTo(-1);
        assertThat(Sizing.suggestMaxTotal(0, 0)).isEqualTo(1);
        assertThat(Sizing.suggestMaxTotal(1e9, 0)).isEqualTo(100_000);
    }
}
