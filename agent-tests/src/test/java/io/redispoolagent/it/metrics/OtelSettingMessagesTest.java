package io.redispoolagent.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.TelemetrySettledApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bad {@code otel.*} value is one line naming the setting, its value and the cause; the app runs on. */
class OtelSettingMessagesTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    private static ChildJvm.Result runWithPrometheusPort(String port) {
        ChildJvm.Result result = ChildJvm.forMain(TelemetrySettledApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .args(redis.server().host(), String.valueOf(redis.server().port()))
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("otel.metrics.exporter", "prometheus")
                .systemProperty("otel.exporter.prometheus.port", port)
                .run();
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).contains("telemetry settled");
        return result;
    }

    @Test
    void aPrometheusPortOutOfRangeIsOneLineNamingTheSettingAndItsValue() {
        ChildJvm.Result result = runWithPrometheusPort("99999");

        assertThat(result.agentLines("ERROR"))
                .as("%s", result)
                .singleElement()
                .asString()
                .contains("otel.exporter.prometheus.port=99999 is not a port")
                .contains("the application runs on");
    }

    @Test
    void aPrometheusPortAnotherProcessHoldsIsOneLineNamingTheAddressAndTheCause() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            ChildJvm.Result result = runWithPrometheusPort(String.valueOf(port));

            assertThat(result.agentLines("ERROR"))
                    .as("%s", result)
                    .singleElement()
                    .asString()
                    .contains("cannot listen on 127.0.0.1:" + port + " (otel.exporter.prometheus.port=" + port + ")")
                    .contains("in use by another process");
        }
    }
}
