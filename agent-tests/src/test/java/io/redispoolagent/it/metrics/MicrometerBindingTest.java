package io.redispoolagent.it.metrics;

import static io.redispoolagent.it.harness.ExhaustedJedisPool.HELD;
import static io.redispoolagent.it.harness.ExhaustedJedisPool.TIMED_OUT;
import static io.redispoolagent.it.metrics.PrometheusExportTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.MicrometerJedisApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application with its own Micrometer (a plain app with a PrometheusMeterRegistry in
 * {@code Metrics.globalRegistry}, as Spring Boot Actuator has): the agent's figures appear there.
 */
class MicrometerBindingTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @Test
    void exhaustedJedisPoolShowsUsedMaxTimeoutsAndWaitCountExactlyInTheAppsMicrometerRegistry() {
        ChildJvm.Result result = ChildJvm.forMain(MicrometerJedisApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .extraClasspath(MetricsHarness.micrometerClasspath())
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("redis.pool.maxTotal", String.valueOf(HELD))
                .systemProperty("redis.pool.maxWait", "200ms")
                .systemProperty("otel.metrics.exporter", "none")
                .timeout(Duration.ofSeconds(40))
                .args(
                        redis.server().host(),
                        String.valueOf(redis.server().port()),
                        String.valueOf(HELD),
                        String.valueOf(TIMED_OUT))
                .run();

        assertThat(result.exitCode()).as("%s", result).isZero();
        String stdout = result.stdout();
        PrometheusText scrape =
                new PrometheusText(stdout.substring(stdout.indexOf("--- scrape ---"), stdout.indexOf("--- end ---")));
        Map<String, String> pool = Map.of(
                "db_client_connection_pool_name",
                redis.server().host() + ":" + redis.server().port() + "/0",
                "db_system_name",
                "redis",
                "redis_pool_agent_client",
                "jedis",
                "server_address",
                redis.server().host(),
                "server_port",
                String.valueOf(redis.server().port()));
        assertThat(scrape.value("db_client_connection_count", with(pool, "db_client_connection_state", "used")))
                .as("%s", result)
                .isEqualTo(HELD);
        assertThat(scrape.value("db_client_connection_max", pool)).isEqualTo(HELD);
        assertThat(scrape.value("db_client_connection_timeouts_total", pool)).isEqualTo(TIMED_OUT);
        assertThat(scrape.value("db_client_connection_wait_time_seconds_count", pool))
                .isEqualTo(HELD + TIMED_OUT);
        assertThat(scrape.value("redis_pool_agent_utilization", pool)).isEqualTo(1.0);
        assertThat(scrape.value("redis_pool_agent_max_original", pool)).isEqualTo(8);
        // Pool exhaustion is never retried, and nothing else failed: every outcome is there, at zero, for the
        // pool and for the commands of no pool (whose pool tags are empty: one set of tag keys per name).
        assertThat(scrape.value(
                        "redis_pool_agent_retries_total",
                        with(pool, "redis_pool_agent_retry_outcome", "not_retryable")))
                .isZero();
        assertThat(scrape.value(
                        "redis_pool_agent_retries_total",
                        Map.of("db_client_connection_pool_name", "", "redis_pool_agent_retry_outcome", "not_safe")))
                .isZero();
        assertThat(result.stderr()).as("Micrometer accepted every meter").doesNotContain("registration has failed");
        assertThat(result.warningsBesidesExhaustionReports()).as("%s", result).isEmpty();
    }
}
