package io.redispoolagent.it.metrics;

import static io.redispoolagent.it.harness.ExhaustedJedisPool.HELD;
import static io.redispoolagent.it.harness.ExhaustedJedisPool.TIMED_OUT;
import static io.redispoolagent.it.metrics.MetricsHarness.await;
import static io.redispoolagent.it.metrics.PrometheusExportTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.LettuceExhaustionApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lettuce's two pools, exhausted, on the Prometheus endpoint: the commons-pool2 one built by
 * {@code ConnectionPoolSupport} (borrows time out after maxWait) and {@code BoundedAsyncPool} (acquires
 * fail at once, counted as timeouts).
 */
class LettucePoolMetricsTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"generic", "async"})
    void exhaustedLettucePoolShowsUsedMaxTimeoutsAndWaitCountExactly(String pool) {
        int port = Ports.free();
        String url = "http://127.0.0.1:" + port + "/metrics";
        Map<String, String> labels = Map.of(
                "db_client_connection_pool_name",
                redis.server().host() + ":" + redis.server().port() + "/0",
                "redis_pool_agent_client",
                "lettuce");
        ChildJvm app = ChildJvm.forMain(LettuceExhaustionApp.class)
                .client(ClientMatrix.lettuce("6.8.2.RELEASE"))
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("redis.pool.maxTotal", String.valueOf(HELD))
                .systemProperty("redis.pool.maxWait", "200ms")
                .systemProperty("otel.metrics.exporter", "prometheus")
                .systemProperty("otel.exporter.prometheus.port", String.valueOf(port))
                .timeout(Duration.ofSeconds(40))
                .args(
                        pool,
                        redis.server().host(),
                        String.valueOf(redis.server().port()),
                        String.valueOf(HELD),
                        String.valueOf(TIMED_OUT),
                        tmp.resolve("release").toString());

        try (MetricsHarness.Running running = MetricsHarness.Running.start(app, tmp.resolve("release"))) {
            PrometheusText scrape = await(
                    running,
                    Duration.ofSeconds(20),
                    () -> {
                        String body = MetricsHarness.get(url);
                        return body == null ? null : new PrometheusText(body);
                    },
                    text -> text.valueOrNaN("db_client_connection_timeouts_total", labels) == TIMED_OUT);

            assertThat(scrape.value("db_client_connection_count", with(labels, "db_client_connection_state", "used")))
                    .as("%s", scrape)
                    .isEqualTo(HELD);
            assertThat(scrape.value("db_client_connection_max", labels)).isEqualTo(HELD);
            assertThat(scrape.value("db_client_connection_timeouts_total", labels))
                    .isEqualTo(TIMED_OUT);
            assertThat(scrape.value("db_client_connection_wait_time_seconds_count", labels))
                    .isEqualTo(HELD + TIMED_OUT);
            assertThat(scrape.value("redis_pool_agent_utilization", labels)).isEqualTo(1.0);

            ChildJvm.Result result = running.result();
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.stdoutLines()).contains("held " + HELD, "timed out " + TIMED_OUT, "DONE");
            assertThat(result.warningsBesidesExhaustionReports())
                    .as("%s", result)
                    .isEmpty();
        }
    }
}
