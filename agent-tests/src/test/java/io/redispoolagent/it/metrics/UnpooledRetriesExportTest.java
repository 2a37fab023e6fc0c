package io.redispoolagent.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.LettuceReplayApp;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Commands on no pool the agent knows (here a plain Lettuce connection, and no pool at all: their
 * first retry outcome starts the telemetry) still have their retry outcomes exported: {@code
 * redis_pool_agent.retries} without a pool name. The INCRs the agent failed instead of letting Lettuce replay them are its
 * {@code not_safe} count.
 */
class UnpooledRetriesExportTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @Test
    void theRetryOutcomesOfALettuceConnectionAreExportedWithoutAPoolName() {
        int metricsPort = Ports.free();
        ChildJvm.Result result = ChildJvm.forMain(LettuceReplayApp.class)
                .client(ClientMatrix.lettuce("6.8.2.RELEASE"))
                .withAgent()
                .systemProperty("redis.pool.retry.enabled", "true")
                .systemProperty("otel.metrics.exporter", "prometheus")
                .systemProperty("otel.exporter.prometheus.port", String.valueOf(metricsPort))
                .timeout(Duration.ofSeconds(40))
                .args(
                        redis.server().host(),
                        String.valueOf(redis.server().port()),
                        "2500",
                        "8",
                        "25",
                        "sync",
                        String.valueOf(metricsPort))
                .run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        long failedByAgent = result.stdoutLines().stream()
                .filter(line -> line.startsWith("RESULT "))
                .map(line -> line.replaceAll(".*incrFailedByAgent=(\\d+).*", "$1"))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow();
        PrometheusText scrape = new PrometheusText(result.stdoutLines().stream()
                .filter(line -> line.startsWith("SCRAPE "))
                .map(line -> line.substring(7))
                .collect(Collectors.joining("\n")));

        var unpooled =
                scrape
                        .find("redis_pool_agent_retries_total", Map.of("redis_pool_agent_retry_outcome", "not_safe"))
                        .stream()
                        .filter(sample -> !sample.labels().containsKey("db_client_connection_pool_name"))
                        .toList();

        System.out.printf("unpooled retries: %d INCRs failed by the agent; exported %s%n", failedByAgent, unpooled);
        assertThat(failedByAgent).as(result.toString()).isPositive();
        assertThat(unpooled).as(scrape.toString()).hasSize(1);
        assertThat(unpooled.get(0).value()).isEqualTo((double) failedByAgent);
        assertThat(unpooled.get(0).labels()).containsEntry("db_system_name", "redis");
    }
}
