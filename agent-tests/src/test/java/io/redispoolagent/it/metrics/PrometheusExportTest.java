package io.redispoolagent.it.metrics;

import static io.redispoolagent.it.harness.ExhaustedJedisPool.HELD;
import static io.redispoolagent.it.harness.ExhaustedJedisPool.TIMED_OUT;
import static io.redispoolagent.it.metrics.MetricsHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ExhaustedJedisPool;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code otel.metrics.exporter=prometheus}: what a Prometheus scrape of an exhausted Jedis pool shows. */
class PrometheusExportTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    @Test
    void exhaustedJedisPoolShowsUsedMaxTimeoutsAndWaitCountExactlyOnThePrometheusEndpoint() {
        int port = Ports.free();
        String url = "http://127.0.0.1:" + port + "/metrics";
        String poolName = redis.server().host() + ":" + redis.server().port() + "/0";
        Map<String, String> pool = Map.of("db_client_connection_pool_name", poolName);

        try (MetricsHarness.Running app = MetricsHarness.Running.start(
                ExhaustedJedisPool.app(redis, tmp.resolve("release"))
                        .systemProperty("otel.metrics.exporter", "prometheus")
                        .systemProperty("otel.exporter.prometheus.port", String.valueOf(port)),
                tmp.resolve("release"))) {

            PrometheusText scrape = await(
                    app,
                    Duration.ofSeconds(20),
                    () -> {
                        String body = MetricsHarness.get(url);
                        return body == null ? null : new PrometheusText(body);
                    },
                    text -> text.valueOrNaN("db_client_connection_timeouts_total", pool) == TIMED_OUT);
            // The scrape counts every borrow: the app may finish now, and tell how long each one took.
            ChildJvm.Result result = app.result();
            ExhaustedJedisPool.Borrows borrows = ExhaustedJedisPool.Borrows.of(result);

            assertThat(scrape.value("db_client_connection_count", with(pool, "db_client_connection_state", "used")))
                    .as("%s", scrape)
                    .isEqualTo(HELD);
            assertThat(scrape.value("db_client_connection_count", with(pool, "db_client_connection_state", "idle")))
                    .isEqualTo(0);
            assertThat(scrape.value("db_client_connection_max", pool)).isEqualTo(HELD);
            assertThat(scrape.value("db_client_connection_timeouts_total", pool))
                    .isEqualTo(TIMED_OUT);
            assertThat(scrape.value("db_client_connection_wait_time_seconds_count", pool))
                    .isEqualTo(HELD + TIMED_OUT);
            // Where each wait falls, by bounds no machine speed can break: the agent records a borrow as no longer
            // than the app saw it take, and one that timed out as at least the 200 ms maxWait. Every bucket counts
            // between what the two allow. They meet when the held borrows (of idle connections: microseconds) took
            // under 100 ms and the timeouts under 250 ms, as on an idle machine: then exactly the 3 held borrows
            // are counted up to le=0.1, and all 5 from le=0.25.
            List<PrometheusText.Sample> buckets = scrape.find("db_client_connection_wait_time_seconds_bucket", pool);
            assertThat(buckets).extracting(bucket -> bucket.labels().get("le")).contains("0.1", "0.25", "+Inf");
            for (PrometheusText.Sample bucket : buckets) {
                double le = seconds(bucket.labels().get("le"));
                assertThat(bucket.value())
                        .as("le=%s after %s", bucket.labels().get("le"), borrows)
                        .isBetween((double) borrows.surelyWithin(le), (double) borrows.possiblyWithin(le));
            }
            assertThat(scrape.value("redis_pool_agent_utilization", pool)).isEqualTo(1.0);
            assertThat(scrape.value("redis_pool_agent_max_original", pool))
                    .as("JedisPool's default maxTotal")
                    .isEqualTo(8);
            // Borrows that time out are pool exhaustion, never retried: every retry outcome is there, at zero.
            for (String outcome :
                    new String[] {"retried", "recovered", "gave_up", "budget_denied", "not_safe", "not_retryable"}) {
                assertThat(scrape.value(
                                "redis_pool_agent_retries_total",
                                with(pool, "redis_pool_agent_retry_outcome", outcome)))
                        .as(outcome)
                        .isZero();
            }
            Map<String, String> attributes =
                    scrape.find("db_client_connection_max", pool).get(0).labels();
            assertThat(attributes)
                    .containsEntry("db_system_name", "redis")
                    .containsEntry("server_address", redis.server().host())
                    .containsEntry("server_port", String.valueOf(redis.server().port()))
                    .containsEntry("redis_pool_agent_client", "jedis")
                    .containsEntry("otel_scope_name", "io.redispoolagent");

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.stdoutLines()).contains("held " + HELD, "timed out " + TIMED_OUT, "DONE");
            assertThat(result.warningsBesidesExhaustionReports())
                    .as("%s", result)
                    .isEmpty();
            assertThat(result.agentLines("ERROR")).as("%s", result).isEmpty();
        }
    }

    /** A bucket's {@code le} label in seconds: a number, or {@code +Inf} for the last bucket. */
    private static double seconds(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(key, value);
        return more;
    }
}
