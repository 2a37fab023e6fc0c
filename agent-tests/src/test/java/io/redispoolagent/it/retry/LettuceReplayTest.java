package io.redispoolagent.it.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.Jdks;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.LettuceReplayApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lettuce replays the commands in flight on a lost connection after reconnecting (autoReconnect,
 * at-least-once): under connection resets an INCR that Redis executed but whose reply was lost is sent
 * again, so without the agent the counter ends above acknowledged + errors; and the oldest command in
 * flight fails with the reset, whatever it is. With the agent (retry on), in-flight commands that are not
 * safe to repeat fail instead of being replayed, and safe ones (SET) are all replayed: the app sees no
 * SET error. The run without the agent shows the check catches a double apply.
 */
class LettuceReplayTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    private static final List<String> VERSIONS = List.of("5.3.7.RELEASE", "6.8.2.RELEASE", "7.7.0.RELEASE");

    @Test
    void withoutTheAgentLettucesReplayAppliesIncrTwiceAndResetsReachTheApp() {
        long duplicates = 0;
        long errors = 0;
        for (String version : VERSIONS) {
            Map<String, Long> without = run(version, "sync", false);
            duplicates += without.get("counter") - without.get("incrAcked") - without.get("incrErrors");
            errors += without.get("setErrors") + without.get("incrErrors");
        }
        // Summed over the versions: each drop catches a few INCRs in flight, a run has dozens of drops.
        assertThat(duplicates)
                .as("INCRs applied twice by Lettuce's replay: the check below can catch it")
                .isPositive();
        assertThat(errors).as("resets reach the application").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.3.7.RELEASE", "6.8.2.RELEASE", "7.7.0.RELEASE"})
    void anIncrInFlightWhenTheConnectionDropsIsNeverAppliedTwice(String version) {
        assertNeverAppliedTwice(run(version, "sync", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "reactive"})
    void theAsyncAndReactiveApisAreCoveredAlike(String api) {
        assertNeverAppliedTwice(run("6.8.2.RELEASE", api, true));
    }

    @Test
    void anIncrInFlightIsNeverAppliedTwiceOnJdk25() {
        Path jdk25 = Jdks.assumeJdk25("the Lettuce replay guard on JDK 25");
        assertNeverAppliedTwice(run(jdk25, "6.8.2.RELEASE", "sync", true));
    }

    private static void assertNeverAppliedTwice(Map<String, Long> with) {
        assertThat(with.get("counter")).as("counter >= acknowledged").isGreaterThanOrEqualTo(with.get("incrAcked"));
        assertThat(with.get("counter"))
                .as("with the agent: counter <= acknowledged + errors")
                .isLessThanOrEqualTo(with.get("incrAcked") + with.get("incrErrors"));
        assertThat(with.get("incrFailedByAgent"))
                .as("INCRs failed instead of replayed")
                .isPositive();
        assertThat(with.get("setErrors"))
                .as("SET is safe to repeat: replayed on the new connection, never failed")
                .isZero();
    }

    private static Map<String, Long> run(String version, String api, boolean agent) {
        return run(Jdks.current(), version, api, agent);
    }

    private static Map<String, Long> run(Path javaHome, String version, String api, boolean agent) {
        ChildJvm child = ChildJvm.forMain(LettuceReplayApp.class)
                .javaHome(javaHome)
                .client(ClientMatrix.lettuce(version))
                .systemProperty("otel.metrics.exporter", "none")
                .timeout(Duration.ofSeconds(40));
        if (agent) {
            child.withAgent().systemProperty("redis.pool.retry.enabled", "true");
        }
        ChildJvm.Result result = child.args(
                        redis.server().host(), String.valueOf(redis.server().port()), "2500", "8", "25", api)
                .run();
        Map<String, Long> figures = new HashMap<>();
        for (String line : result.stdoutLines()) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).split(" ")) {
                    figures.put(
                            pair.substring(0, pair.indexOf('=')),
                            Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
                }
            }
        }
        assertThat(figures)
                .as(result.toString())
                .containsKeys("incrAcked", "incrErrors", "counter", "setFailedByAgent");
        System.out.printf(
                "lettuce %s %s, %s: INCR acked %d, errors %d (%d failed by the agent), server %d: %d applied"
                        + " twice; SET acked %d, errors %d (%d failed by the agent)%n",
                version,
                api,
                agent ? "agent" : "no agent",
                figures.get("incrAcked"),
                figures.get("incrErrors"),
                figures.get("incrFailedByAgent"),
                figures.get("counter"),
                Math.max(0, figures.get("counter") - figures.get("incrAcked") - figures.get("incrErrors")),
                figures.get("setAcked"),
                figures.get("setErrors"),
                figures.get("setFailedByAgent"));
        return figures;
    }
}
