package io.redispoolagent.it.metrics;

import static io.redispoolagent.it.harness.ExhaustedJedisPool.HELD;
import static io.redispoolagent.it.harness.ExhaustedJedisPool.TIMED_OUT;
import static io.redispoolagent.it.metrics.MetricsHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ExhaustedJedisPool;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code otel.metrics.exporter=otlp} over HTTP/protobuf to a receiver inside the test. */
class OtlpExportTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    @Test
    void exhaustedJedisPoolSendsUsedMaxTimeoutsAndWaitCountExactlyOverOtlpHttp() {
        String poolName = redis.server().host() + ":" + redis.server().port() + "/0";
        Map<String, String> pool = Map.of("db.client.connection.pool.name", poolName);
        try (OtlpReceiver receiver = new OtlpReceiver();
                MetricsHarness.Running app = MetricsHarness.Running.start(
                        ExhaustedJedisPool.app(redis, tmp.resolve("release"))
                                .systemProperty("otel.metrics.exporter", "otlp")
                                .systemProperty("otel.exporter.otlp.endpoint", receiver.endpoint())
                                .systemProperty("otel.metric.export.interval", "300ms")
                                .systemProperty("otel.service.name", "exhaustion-app"),
                        tmp.resolve("release"))) {

            ExportMetricsServiceRequest request = await(
                    app,
                    Duration.ofSeconds(20),
                    () -> receiver.latestWith("db.client.connection.timeouts"),
                    sent -> OtlpReceiver.sumValue(sent, "db.client.connection.timeouts", pool) == TIMED_OUT);

            assertThat(OtlpReceiver.sumValue(
                            request, "db.client.connection.count", with(pool, "db.client.connection.state", "used")))
                    .isEqualTo(HELD);
            assertThat(OtlpReceiver.sumValue(request, "db.client.connection.max", pool))
                    .isEqualTo(HELD);
            assertThat(OtlpReceiver.sumValue(request, "db.client.connection.timeouts", pool))
                    .isEqualTo(TIMED_OUT);
            Metric waitTime = OtlpReceiver.metric(request, "db.client.connection.wait_time");
            assertThat(waitTime.getUnit()).isEqualTo("s");
            assertThat(waitTime.getHistogram().getAggregationTemporality())
                    .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
            HistogramDataPoint point = waitTime.getHistogram().getDataPoints(0);
            assertThat(point.getCount()).isEqualTo(HELD + TIMED_OUT);
            assertThat(OtlpReceiver.matches(
                            point.getAttributesList(),
                            Map.of(
                                    "db.client.connection.pool.name",
                                    poolName,
                                    "db.system.name",
                                    "redis",
                                    "server.address",
                                    redis.server().host(),
                                    "server.port",
                                    String.valueOf(redis.server().port()),
                                    "redis_pool_agent.client",
                                    "jedis")))
                    .as("%s", point)
                    .isTrue();
            assertThat(request.getResourceMetrics(0)
                            .getScopeMetrics(0)
                            .getScope()
                            .getName())
                    .isEqualTo("io.redispoolagent");
            assertThat(OtlpReceiver.matches(
                            request.getResourceMetrics(0).getResource().getAttributesList(),
                            Map.of("service.name", "exhaustion-app")))
                    .isTrue();

            ChildJvm.Result result = app.result();
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.warningsBesidesExhaustionReports())
                    .as("%s", result)
                    .isEmpty();
        }
    }

    @Test
    void unreachableCollectorIsOneWarningLineAndTheAppRunsToItsEnd() throws InterruptedException {
        int closedPort = Ports.free();
        CountDownLatch warned = new CountDownLatch(1);
        MetricsHarness.Running app = MetricsHarness.Running.start(
                ExhaustedJedisPool.app(redis, tmp.resolve("release"))
                        .systemProperty("otel.metrics.exporter", "otlp")
                        .systemProperty("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + closedPort)
                        .systemProperty("otel.metric.export.interval", "100ms")
                        // fail each export at once rather than after the SDK's retries (some 8 s)
                        .systemProperty("otel.java.exporter.otlp.retry.disabled", "true")
                        .onStderrLine(line -> {
                            if (line.startsWith("[redis-pool-agent] WARN ")) {
                                warned.countDown();
                            }
                        }),
                tmp.resolve("release"));
        // The SDK starts in the background, as long after the app as the machine makes it: wait for the first
        // failed export to be logged rather than guess when, then let more fail (some 15 on an idle machine).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (!warned.await(100, TimeUnit.MILLISECONDS)) {
            if (app.finished() || System.nanoTime() > deadline) {
                throw new AssertionError("no failed export was logged:\n" + app.result());
            }
        }
        Thread.sleep(1500);

        ChildJvm.Result result = app.result();

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).contains("timed out " + TIMED_OUT, "DONE");
        assertThat(result.warningsBesidesExhaustionReports())
                .as("%s", result)
                .singleElement()
                .asString()
                .startsWith("[redis-pool-agent] WARN telemetry: ")
                .contains("127.0.0.1:" + closedPort);
        assertThat(result.stderr())
                .as("nothing of the SDK's own logging reaches the app's stderr")
                .doesNotContain("io.redispoolagent.shaded");
    }

    static Map<String, String> with(Map<String, String> attributes, String key, String value) {
        Map<String, String> more = new HashMap<>(attributes);
        more.put(key, value);
        return more;
    }
}
