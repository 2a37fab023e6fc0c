package io.redispoolagent.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OtelStartFailureTest {

    private static final Map<String, String> NO_ENVIRONMENT = Collections.emptyMap();

    private static Properties port(String value) {
        Properties properties = new Properties();
        properties.setProperty("otel.exporter.prometheus.port", value);
        return properties;
    }

    @Test
    void aPortInUseNamesTheAddressTheSettingAndTheCause() {
        RuntimeException failure = new IllegalStateException(
                "Unexpected configuration error",
                new java.io.UncheckedIOException(new BindException("Address already in use")));

        assertThat(OtelStartFailure.describe(failure, port("9464"), NO_ENVIRONMENT))
                .startsWith("metrics: the Prometheus exporter cannot listen on 127.0.0.1:9464"
                        + " (otel.exporter.prometheus.port=9464): the address is in use by another process"
                        + " (Address already in use); the application runs on");
    }

    @Test
    void aPortOutOfRangeNamesTheSettingAndItsValue() {
        RuntimeException failure = new IllegalStateException(
                "Unexpected configuration error", new IllegalArgumentException("port out of range:99999"));

        assertThat(OtelStartFailure.describe(failure, port("99999"), NO_ENVIRONMENT))
                .startsWith("metrics: otel.exporter.prometheus.port=99999 is not a port (0 to 65535;"
                        + " port out of range:99999)");
    }

    @Test
    void anyOtherFailureShowsTheCauseUnderTheSdksWrapper() {
        RuntimeException failure = new IllegalStateException(
                "Unexpected configuration error", new IllegalArgumentException("bad endpoint"));

        assertThat(OtelStartFailure.describe(failure, new Properties(), NO_ENVIRONMENT))
                .startsWith("metrics: the OpenTelemetry export could not start:"
                        + " java.lang.IllegalArgumentException: bad endpoint;");
    }
}
