package io.redispoolagent.it.metrics;

import static io.redispoolagent.it.metrics.MetricsHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.ExhaustionHoldersApp;
import io.redispoolagent.testsupport.json.JsonReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** When a borrow times out, the agent says who holds the pool's connections and what each is doing now. */
class ExhaustionForensicsTest {

    private static final List<String> HOLDERS = List.of("checkout-1", "inventory-2", "billing-3", "orders-4");
    private static final List<String> METHODS =
            List.of("holdInCheckout", "holdInInventory", "holdInBilling", "waitForOrders");

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    @Test
    void aTimedOutBorrowWarnsOnceNamingEveryHolderAndItsApplicationMethod() {
        int statusPort = Ports.free();
        Path release = tmp.resolve("release");
        ChildJvm app = ChildJvm.forMain(ExhaustionHoldersApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .args(redis.server().host(), String.valueOf(redis.server().port()), release.toString())
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("redis.pool.maxTotal", "4")
                .systemProperty("redis.pool.maxWait", "300ms")
                .systemProperty("redis.pool.status.port", String.valueOf(statusPort))
                .systemProperty("otel.metrics.exporter", "none");
        ChildJvm.Result result;
        List<Map<?, ?>> statusHolders;
        try (MetricsHarness.Running running = MetricsHarness.Running.start(app, release)) {
            statusHolders = await(
                    running,
                    Duration.ofSeconds(60),
                    () -> holdersInStatus("http://127.0.0.1:" + statusPort + "/"),
                    holders -> holders.size() == 4);
            result = running.result();
        }

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).contains("borrow timed out").contains("DONE");
        String[] warnings = result.stderr().split("\\[redis-pool-agent\\] WARN ", -1);
        List<String> exhausted = java.util.Arrays.stream(warnings)
                .filter(warning -> warning.contains(" is exhausted: "))
                .collect(Collectors.toList());
        assertThat(exhausted)
                .as("one report for two timeouts within a minute:\n%s", result)
                .hasSize(1);
        String report = exhausted.get(0);
        assertThat(report).contains("4 of 4 connections in use");
        for (int i = 0; i < HOLDERS.size(); i++) {
            assertThat(report).contains("thread \"" + HOLDERS.get(i) + "\"");
            assertThat(report).contains("ExhaustionHoldersApp." + METHODS.get(i) + "(");
        }
        assertThat(statusHolders)
                .extracting(holder -> String.valueOf(holder.get("thread")))
                .containsExactlyInAnyOrderElementsOf(HOLDERS);
    }

    /** The holders the status view lists for the one pool, or null while it does not answer. */
    private static List<Map<?, ?>> holdersInStatus(String url) {
        String body = MetricsHarness.get(url);
        if (body == null) {
            return null;
        }
        List<?> pools = (List<?>) ((Map<?, ?>) JsonReader.parse(body)).get("pools");
        if (pools.isEmpty()) {
            return List.of();
        }
        return ((List<?>) ((Map<?, ?>) pools.get(0)).get("holders"))
                .stream().map(holder -> (Map<?, ?>) holder).collect(Collectors.toList());
    }
}
