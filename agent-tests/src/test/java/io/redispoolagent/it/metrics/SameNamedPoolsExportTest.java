package io.redispoolagent.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.SameNamedPoolsApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two JedisPools to one endpoint are one series; when one closes under load, no counter or histogram
 * bucket of that series goes down, in OpenTelemetry (its Prometheus endpoint) or in the app's Micrometer:
 * a backend would read a decrease as a counter reset and invent a burst of timeouts.
 */
class SameNamedPoolsExportTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @Test
    void closingOneOfTwoSameNamedPoolsUnderLoadDecreasesNoExportedCounterOrBucket() {
        int otelPort = Ports.free();
        ChildJvm.Result result = ChildJvm.forMain(SameNamedPoolsApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .extraClasspath(MetricsHarness.micrometerClasspath())
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("redis.pool.maxTotal", "2")
                .systemProperty("redis.pool.maxWait", "20ms")
                .systemProperty("otel.metrics.exporter", "prometheus")
                .systemProperty("otel.exporter.prometheus.port", String.valueOf(otelPort))
                .timeout(Duration.ofSeconds(60))
                .args("host=" + redis.server().host(), "port=" + redis.server().port(), "otelPort=" + otelPort)
                .run();
        assertThat(result.exitCode()).as("%s", result).isZero();
        String pool = redis.server().host() + ":" + redis.server().port() + "/0";

        for (String source : List.of("micrometer", "otel")) {
            List<PrometheusText> scrapes = scrapes(result.stdout(), source, pool);
            assertThat(scrapes)
                    .as("%s scrapes of the pool before and after the close\n%s", source, result)
                    .hasSizeGreaterThan(4);
            assertThat(timeouts(scrapes.get(scrapes.size() - 1), pool))
                    .as("%s: the pools timed out", source)
                    .isPositive();
            assertNothingDecreases(source, scrapes, pool);
        }
    }

    /** The scrapes of one source that show the pool, in order; at least one of them follows the close. */
    private static List<PrometheusText> scrapes(String stdout, String source, String pool) {
        List<PrometheusText> scrapes = new ArrayList<>();
        boolean closedSeen = false;
        boolean scrapedAfterClose = false;
        for (String chunk : stdout.split("--- " + source + " ")) {
            int start = chunk.indexOf(" ---\n");
            int end = chunk.indexOf("--- end ---");
            if (start < 0 || end < start) {
                continue;
            }
            PrometheusText scrape = new PrometheusText(chunk.substring(start + 5, end));
            if (!scrape.find("db_client_connection_max", Map.of("db_client_connection_pool_name", pool))
                    .isEmpty()) {
                scrapes.add(scrape);
                scrapedAfterClose |= closedSeen;
            }
            closedSeen |= chunk.contains("\nCLOSED\n");
        }
        assertThat(scrapedAfterClose)
                .as("%s scraped the pool after the close", source)
                .isTrue();
        return scrapes;
    }

    private static double timeouts(PrometheusText scrape, String pool) {
        return scrape.value("db_client_connection_timeouts_total", Map.of("db_client_connection_pool_name", pool));
    }

    /** Every cumulative sample of the pool (counters, histogram buckets, counts and sums) is ≥ its previous value. */
    private static void assertNothingDecreases(String source, List<PrometheusText> scrapes, String pool) {
        Map<String, Double> previous = new HashMap<>();
        Set<String> compared = new HashSet<>();
        for (int n = 0; n < scrapes.size(); n++) {
            PrometheusText scrape = scrapes.get(n);
            for (PrometheusText.Sample sample : scrape.withLabels(Map.of("db_client_connection_pool_name", pool))) {
                if (!scrape.isCumulative(sample.name())) {
                    continue;
                }
                String series = sample.name() + sample.labels();
                Double before = previous.put(series, sample.value());
                if (before != null) {
                    compared.add(sample.name());
                    assertThat(sample.value())
                            .as("%s scrape %d: %s went down", source, n, series)
                            .isGreaterThanOrEqualTo(before);
                }
            }
        }
        assertThat(compared)
                .as("%s: cumulative samples compared across scrapes", source)
                .contains(
                        "db_client_connection_timeouts_total",
                        "db_client_connection_wait_time_seconds_count",
                        "db_client_connection_use_time_seconds_sum",
                        "redis_pool_agent_retries_total");
    }
}
