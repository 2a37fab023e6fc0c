package io.redispoolagent.sample.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesUnits() {
    assertThat(Durations.parseMillis("500ms")).isEqualTo(500);
    assertThat(Durations.parseMillis("10s")).isEqualTo(10_000);
    assertThat(Durations.parseMillis("1.5s")).isEqualTo(1_500);
    assertThat(Durations.parseMillis("2m")).isEqualTo(120_000);
    assertThat(Durations.parseMillis("1h")).isEqualTo(3_600_000);
    assertThat(Durations.parseMillis("30")).isEqualTo(30_000);
    assertThat(Durations.parseMillis(" 20S ")).isEqualTo(20_000);
    assertThat(Durations.parseMillis("0")).isZero();
  }

  @Test
  void parsesMicrosForShortLatencies() {
    assertThat(Durations.parseMicros("500us")).isEqualTo(500);
    assertThat(Durations.parseMicros("1ms")).isEqualTo(1_000);
    assertThat(Durations.parseMicros("1.5ms")).isEqualTo(1_500);
    assertThat(Durations.parseMicros("2")).as("bare number = ms").isEqualTo(2_000);
    assertThat(Durations.parseMicros("0.002s")).isEqualTo(2_000);
    assertThat(Durations.parseMicros("0")).isZero();
    assertThat(Durations.formatMicros(1_000)).isEqualTo("1ms");
    assertThat(Durations.formatMicros(1_500)).isEqualTo("1.5ms");
    assertThat(Durations.formatMicros(250)).isEqualTo("250us");
    assertThatThrownBy(() -> Durations.parseMicros("1 minute")).hasMessageContaining("like 500us, 1ms");
  }

  @Test
  void rejectsGarbage() {
    for (String bad : new String[] {"", "s", "-1s", "10 seconds", "1e3", "10d"}) {
      assertThatThrownBy(() -> Durations.parseMillis(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected a duration like 500ms, 10s, 2m or 1h");
    }
    assertThatThrownBy(() -> Durations.parseMillis("99999999999999h")).hasMessageContaining("too long");
  }

  @Test
  void formats() {
    assertThat(Durations.format(0)).isEqualTo("0ms");
    assertThat(Durations.format(100)).isEqualTo("100ms");
    assertThat(Durations.format(1_500)).isEqualTo("1500ms");
    assertThat(Durations.format(30_000)).isEqualTo("30s");
    assertThat(Durations.format(120_000)).isEqualTo("2m");
    assertThat(Durations.format(7_200_000)).isEqualTo("2h");
  }
}
