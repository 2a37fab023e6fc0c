package io.redispoolagent.it.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.LettuceReplayApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lettuce replays commands after a reconnect by itself (autoReconnect, at-least-once): under connection
 * resets an INCR that Redis executed but whose reply was lost is sent again, so the counter ends above
 * acknowledged + errors. The agent deliberately adds no retry of its own on Lettuce: with retry enabled
 * it retries nothing, and the only duplicates are Lettuce's (printed for the README).
 */
class LettuceReplayTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @ParameterizedTest
    @ValueSource(strings = {"5.3.7.RELEASE", "6.8.2.RELEASE", "7.7.0.RELEASE"})
    void theAgentAddsNoRetryOnTopOfLettucesReplay(String version) {
        ChildJvm.Result result = ChildJvm.forMain(LettuceReplayApp.class)
                .client(ClientMatrix.lettuce(version)).withAgent()
                .systemProperty("redis.pool.retry.enabled", "true").systemProperty("otel.metrics.exporter", "none")
                .timeout(Duration.ofSeconds(40))
                .args(redis.server().host(), String.valueOf(redis.server().port()), "2500", "8", "50").run();
        Map<String, Long> figures = new HashMap<>();
        String retryLine = null;
        for (String line : result.stdoutLines()) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).split(" ")) {
                    figures.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
                }
            } else if (line.startsWith("RETRY pool=(fallback)")) {
                retryLine = line;
            }
        }
        assertThat(figures).as(result.toString()).containsKeys("incrAcked", "incrErrors", "counter");
        long duplicates = figures.get("counter") - figures.get("incrAcked") - figures.get("incrErrors");
        System.out.printf("lettuce %s, resets every 50 ms: INCR acked %d, errors %d, server %d: %d applied twice"
                        + " by Lettuce's own replay; agent: %s%n", version, figures.get("incrAcked"),
                figures.get("incrErrors"), figures.get("counter"), Math.max(0, duplicates), retryLine);
        assertThat(retryLine).as(result.toString()).contains("retried=0");
        assertThat(figures.get("counter")).isGreaterThanOrEqualTo(figures.get("incrAcked"));
    }
}
