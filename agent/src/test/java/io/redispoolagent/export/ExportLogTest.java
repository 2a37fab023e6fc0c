package io.redispoolagent.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportLogTest {

    @Test
    void aRepeatedWarningIsLoggedOncePerMinuteWithTheCountOfThoseSuppressed() {
        long start = 1_000_000_000L;
        String key = "test-" + System.nanoTime();

        assertThat(ExportLog.admit(key, "collector down", start)).isEqualTo("collector down");
        assertThat(ExportLog.admit(key, "collector down", start + 1)).isNull();
        assertThat(ExportLog.admit(key, "collector down", start + ExportLog.INTERVAL_NANOS - 1))
                .isNull();
        assertThat(ExportLog.admit(key, "collector down", start + ExportLog.INTERVAL_NANOS))
                .isEqualTo("collector down [2 more like it in the last minute]");
    }
}
