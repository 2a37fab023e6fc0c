package io.redispoolagent.sample.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheAgentsUnitsInAnyCase() {
        assertThat(Durations.parseMillis("500ms")).isEqualTo(500);
        assertThat(Durations.parseMillis("10s")).isEqualTo(10_000);
        assertThat(Durations.parseMillis("2m")).isEqualTo(120_000);
        assertThat(Durations.parseMillis("1h")).isEqualTo(3_600_000);
        assertThat(Durations.parseMillis(" 20S ")).isEqualTo(20_000);
        assertThat(Durations.parseMillis("1500 ms")).isEqualTo(1_500);
    }

    @Test
    void readsABareNumberAsMillisecondsAsTheAgentDoes() {
        assertThat(Durations.parseMillis("30")).isEqualTo(30);
        assertThat(Durations.parseMillis("0")).isZero();
        assertThat(Durations.parseMicros("2")).isEqualTo(2_000);
    }

    @Test
    void takesMicrosecondsOnlyForTheSimulatedRoundTrip() {
        assertThat(Durations.parseMicros("500us")).isEqualTo(500);
        assertThat(Durations.parseMicros("1ms")).isEqualTo(1_000);
        assertThat(Durations.parseMicros("1s")).isEqualTo(1_000_000);
        assertThatThrownBy(() -> Durations.parseMillis("500us"))
                .hasMessageContaining("expected a duration like 500ms, 10s, 2m or 1h");
        assertThatThrownBy(() -> Durations.parseMicros("2h")).hasMessageContaining("too long");
    }

    @Test
    void rejectsWhatTheAgentRejects() {
        for (String bad : new String[] {"", "s", "-1s", "10 seconds", "1e3", "10d", "1.5s", "0.5ms"}) {
            assertThatThrownBy(() -> Durations.parseMillis(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected a duration like 500ms, 10s, 2m or 1h");
        }
        assertThatThrownBy(() -> Durations.parseMicros("1.5ms")).hasMessageContaining("like 500us, 1ms");
    }

    @Test
    void reportsANumberTooLargeToHoldAsTooLong() {
        assertThatThrownBy(() -> Durations.parseMillis("99999999999999h")).hasMessageContaining("too long");
        assertThatThrownBy(() -> Durations.parseMillis("99999999999999999999")).hasMessageContaining("too long");
    }

    @Test
    void formatsInTheLargestWholeUnitOfTheSameGrammar() {
        assertThat(Durations.format(0)).isEqualTo("0ms");
        assertThat(Durations.format(100)).isEqualTo("100ms");
        assertThat(Durations.format(1_500)).isEqualTo("1500ms");
        assertThat(Durations.format(30_000)).isEqualTo("30s");
        assertThat(Durations.format(120_000)).isEqualTo("2m");
        assertThat(Durations.format(7_200_000)).isEqualTo("2h");
        assertThat(Durations.formatMicros(250)).isEqualTo("250us");
        assertThat(Durations.formatMicros(1_500)).isEqualTo("1500us");
        assertThat(Durations.formatMicros(2_000)).isEqualTo("2ms");
        for (long millis : new long[] {0, 100, 1_500, 30_000, 120_000, 7_200_000}) {
            assertThat(Durations.parseMillis(Durations.format(millis))).isEqualTo(millis);
        }
        for (long micros : new long[] {0, 250, 1_500, 2_000, 3_000_000}) {
            assertThat(Durations.parseMicros(Durations.formatMicros(micros))).isEqualTo(micros);
        }
    }
}
