package io.redispoolagent.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OncePerIntervalTest {

    @Test
    void theFirstEventPassesAndTheRestOfItsIntervalIsCountedIntoTheNextOneThatPasses() {
        OncePerInterval gate = new OncePerInterval(1_000, 5_000);

        assertThat(gate.pass(5_000)).isZero();
        assertThat(gate.pass(5_400)).isEqualTo(-1);
        assertThat(gate.pass(5_999)).isEqualTo(-1);
        assertThat(gate.pass(6_000)).as("two were held back").isEqualTo(2);
        assertThat(gate.pass(6_001)).isEqualTo(-1);
    }

    @Test
    void nanoTimeMayBeNegative() {
        OncePerInterval gate = new OncePerInterval(1_000, Long.MIN_VALUE + 10);

        assertThat(gate.pass(Long.MIN_VALUE + 10)).isZero();
        assertThat(gate.pass(Long.MIN_VALUE + 500)).isEqualTo(-1);
    }
}
