package io.redispoolagent.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OtelSwitchTest {

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    private static final Map<String, String> NO_ENVIRONMENT = Collections.emptyMap();

    @Test
    void metricsAreExportedByDefault() {
        assertThat(OtelSwitch.exportsMetrics(new Properties(), NO_ENVIRONMENT)).isTrue();
    }

    @Test
    void exporterNoneExportsNothing() {
        assertThat(OtelSwitch.exportsMetrics(properties("otel.metrics.exporter", " None "), NO_ENVIRONMENT))
                .isFalse();
        assertThat(OtelSwitch.exportsMetrics(properties("otel.metrics.exporter", "none,none"), NO_ENVIRONMENT))
                .isFalse();
    }

    @Test
    void oneRealExporterInTheListExports() {
        assertThat(OtelSwitch.exportsMetrics(properties("otel.metrics.exporter", "none,prometheus"), NO_ENVIRONMENT))
                .isTrue();
    }

    @Test
    void aDisabledSdkExportsNothing() {
        assertThat(OtelSwitch.exportsMetrics(properties("otel.sdk.disabled", "TRUE"), NO_ENVIRONMENT))
                .isFalse();
    }

    @Test
    void theEnvironmentVariableCountsWhenNoSystemPropertyIsSet() {
        assertThat(OtelSwitch.exportsMetrics(
                        new Properties(), Collections.singletonMap("OTEL_METRICS_EXPORTER", "none")))
                .isFalse();
        assertThat(OtelSwitch.exportsMetrics(
                        properties("otel.metrics.exporter", "otlp"),
                        Collections.singletonMap("OTEL_METRICS_EXPORTER", "none")))
                .as("the system property wins, as in the SDK")
                .isTrue();
    }

    @Test
    void anEmptyExporterListIsTheDefault() {
        assertThat(OtelSwitch.exportsMetrics(properties("otel.metrics.exporter", ""), NO_ENVIRONMENT))
                .isTrue();
    }
}
