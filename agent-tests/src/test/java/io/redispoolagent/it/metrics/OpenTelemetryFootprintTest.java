package io.redispoolagent.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.TelemetrySettledApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** When nothing is to be exported, the agent's OpenTelemetry SDK is not even loaded. */
class OpenTelemetryFootprintTest {

    private static final String SHADED_SDK = "io.redispoolagent.shaded.io.opentelemetry.sdk.";

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    @Test
    void withTheMetricsExporterNoneNoSdkClassLoads() throws IOException {
        assertThat(sdkClassesLoaded("otel.metrics.exporter", "none")).isZero();
    }

    @Test
    void withTheSdkDisabledNoSdkClassLoads() throws IOException {
        assertThat(sdkClassesLoaded("otel.sdk.disabled", "true")).isZero();
    }

    @Test
    void withAnExporterTheSdkLoads() throws IOException {
        // The same app and wait as above: were the wait too short to see the SDK start, this would fail.
        assertThat(sdkClassesLoaded("otel.exporter.otlp.endpoint", "http://127.0.0.1:9"))
                .isPositive();
    }

    private long sdkClassesLoaded(String key, String value) throws IOException {
        Path classLog = tmp.resolve("classes.log");
        ChildJvm.Result result = ChildJvm.forMain(TelemetrySettledApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .args(redis.server().host(), String.valueOf(redis.server().port()))
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty(key, value)
                .jvmArgs("-Xlog:class+load=info:file=" + classLog)
                .run();
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).contains("telemetry settled");
        try (Stream<String> lines = Files.lines(classLog)) {
            return lines.filter(line -> line.contains(SHADED_SDK)).count();
        }
    }
}
