package io.redispoolagent.it.metrics;

import static io.redispoolagent.it.harness.ExhaustedJedisPool.HELD;
import static io.redispoolagent.it.harness.ExhaustedJedisPool.TIMED_OUT;
import static io.redispoolagent.it.metrics.MetricsHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ExhaustedJedisPool;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.harness.SystemProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenTelemetry Java agent (2.x) and redis-pool-agent on one JVM, configured together
 * by the same {@code otel.*} properties: one service name, one OTLP endpoint.
 */
class OpenTelemetryAgentCoexistenceTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    @Test
    void bothAgentsOnOneJvmTheAppRunsTheirJedisSpansAppearAndOurPoolMetricsAreExported() {
        Path otelAgent = Path.of(SystemProperties.require("otel.javaagent.jar"));
        String poolName = redis.server().host() + ":" + redis.server().port() + "/0";
        Map<String, String> pool = Map.of("db.client.connection.pool.name", poolName);
        try (OtlpReceiver receiver = new OtlpReceiver();
                MetricsHarness.Running app = MetricsHarness.Running.start(
                        ExhaustedJedisPool.app(redis, tmp.resolve("release"))
                                .jvmArgs("-javaagent:" + otelAgent)
                                .systemProperty("otel.service.name", "legacy-service")
                                .systemProperty("otel.exporter.otlp.endpoint", receiver.endpoint())
                                .systemProperty("otel.metric.export.interval", "300ms")
                                .systemProperty("otel.traces.exporter", "logging")
                                .systemProperty("otel.logs.exporter", "none"),
                        tmp.resolve("release"))) {

            ExportMetricsServiceRequest ours = await(
                    app,
                    Duration.ofSeconds(30),
                    () -> receiver.latestWith("db.client.connection.timeouts"),
                    sent -> OtlpReceiver.sumValue(sent, "db.client.connection.timeouts", pool) == TIMED_OUT);

            assertThat(OtlpReceiver.sumValue(ours, "db.client.connection.max", pool))
                    .isEqualTo(HELD);
            assertThat(OtlpReceiver.metric(ours, "db.client.connection.wait_time")
                            .getHistogram()
                            .getDataPoints(0)
                            .getCount())
                    .isEqualTo(HELD + TIMED_OUT);
            ResourceMetrics resource = ours.getResourceMetrics(0);
            assertThat(resource.getScopeMetricsList())
                    .extracting(scope -> scope.getScope().getName())
                    .as("our SDK sends the pool figures and nothing else")
                    .containsOnly("io.redispoolagent");
            assertThat(OtlpReceiver.matches(
                            resource.getResource().getAttributesList(), Map.of("service.name", "legacy-service")))
                    .isTrue();
            assertThat(receiver.anyScope(name -> name.startsWith("io.opentelemetry.")))
                    .as("the official agent's own metrics reach the same endpoint")
                    .isTrue();

            ChildJvm.Result result = app.result();
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.stdoutLines()).contains("held " + HELD, "timed out " + TIMED_OUT, "DONE");
            assertThat(result.stdout() + result.stderr())
                    .as("the official agent's Jedis spans, logged")
                    .contains("LoggingSpanExporter")
                    .containsIgnoringCase("PING");
            assertThat(result.warningsBesidesExhaustionReports())
                    .as("%s", result)
                    .isEmpty();
            assertThat(result.agentLines("ERROR")).as("%s", result).isEmpty();
            assertThat(result.stderr()).doesNotContain("LinkageError", "ClassCastException", "NoClassDefFoundError");
        }
    }
}
