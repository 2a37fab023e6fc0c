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
 * Lettuce replays the commands in flight on a lost connection after reconnecting (autoReconnect,
 * at-least-once): under connection resets an INCR that Redis executed but whose reply was lost is sent
 * again, so without the agent the counter ends above acknowledged + errors. With the agent (retry on),
 * in-flight commands that are not safe to repeat fail instead of being replayed, and safe ones (SET)
 * are replayed as before. The run without the agent shows the check catches a double apply.
 */
class LettuceReplayTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @ParameterizedTest
    @ValueSource(strings = {"5.3.7.RELEASE", "6.8.2.RELEASE", "7.7.0.RELEASE"})
    void anIncrInFlightWhenTheConnectionDropsIsNeverAppliedTwice(String version) {
        Map<String, Long> without = run(version, "sync", false);
        assertThat(without.get("counter")).as("without the agent Lettuce's replay applies some INCR twice")
                .isGreaterThan(without.get("incrAcked") + without.get("incrErrors"));
        assertNeverAppliedTwice(run(version, "sync", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "reactive"})
    void theAsyncAndReactiveApisAreGuardedAlike(String api) {
        assertNeverAppliedTwice(run("6.8.2.RELEASE", api, true));
    }

    private static void assertNeverAppliedTwice(Map<String, Long> with) {
        assertThat(with.get("counter")).as("counter >= acknowledged").isGreaterThanOrEqualTo(with.get("incrAcked"));
        assertThat(with.get("counter")).as("with the agent: counter <= acknowledged + errors")
                .isLessThanOrEqualTo(with.get("incrAcked") + with.get("incrErrors"));
        assertThat(with.get("incrFailedByAgent")).as("INCRs failed instead of replayed").isPositive();
        assertThat(with.get("setFailedByAgent")).as("SET is safe to repeat: replayed, never failed by the agent").isZero();
    }

    private static Map<String, Long> run(String version, String api, boolean agent) {
        ChildJvm child = ChildJvm.forMain(LettuceReplayApp.class).client(ClientMatrix.lettuce(version))
                .systemProperty("otel.metrics.exporter", "none").timeout(Duration.ofSeconds(40));
        if (agent) {
            child.withAgent().systemProperty("redis.pool.retry.enabled", "true");
        }
        ChildJvm.Result result = child.args(redis.server().host(), String.valueOf(redis.server().port()), "2500", "8",
                "50", api).run();
        Map<String, Long> figures = new HashMap<>();
        for (String line : result.stdoutLines()) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).split(" ")) {
                    figures.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
                }
            }
        }
        assertThat(figures).as(result.toString()).containsKeys("incrAcked", "incrErrors", "counter", "setFailedByAgent");
        System.out.printf("lettuce %s %s, %s: INCR acked %d, errors %d (%d failed by the agent), server %d: %d applied"
                        + " twice; SET acked %d, errors %d (%d failed by the agent)%n", version, api,
                agent ? "agent" : "no agent", figures.get("incrAcked"), figures.get("incrErrors"),
                figures.get("incrFailedByAgent"), figures.get("counter"),
                Math.max(0, figures.get("counter") - figures.get("incrAcked") - figures.get("incrErrors")),
                figures.get("setAcked"), figures.get("setErrors"), figures.get("setFailedByAgent"));
        return figures;
    }
}
