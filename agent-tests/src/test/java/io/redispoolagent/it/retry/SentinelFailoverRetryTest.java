package io.redispoolagent.it.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.BackgroundChild;
import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisSentinelSetup;
import io.redispoolagent.it.scenarios.SentinelFailoverLoadApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5, "Sentinel failover under load with real sentinel processes": an idempotent load (SET/GET on
 * four shared keys, eight threads) through a {@code JedisSentineled} of Jedis 5.2.0 (one version of the
 * 4–7 range that has it: the retry hook, {@code DefaultCommandExecutor.executeCommand}, is the same
 * code in all of them) while the test kills the master (SIGKILL) in the middle of it, and the sentinel
 * finds it down and promotes the replica. (A forced {@code SENTINEL FAILOVER} with the old master alive
 * breaks no connection: measured, 0 errors with and without the agent, so it tests nothing here.) Run once
 * without the agent and once with it ({@code -Dredis.pool.env=production}), each against a fresh
 * master + replica + sentinel (a topology serves one failover, see {@link RedisSentinelSetup}).
 *
 * <p>The failover window runs from the moment the test kills the master to the moment
 * the new master first answers through the client (seen by a probe thread in the child). Every error
 * the application sees must lie in it, give or take {@link #MARGIN}, and the agent must leave fewer
 * errors than the client alone.
 */
class SentinelFailoverRetryTest {

    private static final String MASTER_NAME = "mymaster";
    private static final ClientMatrix.Client JEDIS = ClientMatrix.jedis("5.2.0");
    private static final int THREADS = 8;
    /** Load before the failover, so that both pools are warm and the window sits in the middle of the run. */
    private static final long LOAD_BEFORE_FAILOVER_MILLIS = 1500;
    /** Load after the new master first answers: long enough to show the errors stop there. */
    private static final long LOAD_AFTER_NEW_MASTER_MILLIS = 2000;
    /**
     * Tolerance at both ends of the window. Before: the two JVMs read the same wall clock, so only the
     * granularity of {@code currentTimeMillis} (1 ms) separates them; 50 ms is ample. After: a command
     * that started on the old master's pool just before the switch can still fail a few ms after the probe
     * (which polls every 5 ms) saw the new master, and with the agent a command that failed inside the
     * window surfaces only once its retries are spent, bounded by the retry deadline (1 s). 1 s after the
     * window is therefore the largest lateness a failover-caused error can have; an error later than that
     * is not the failover's.
     */
    private static final long MARGIN_BEFORE_MILLIS = 50;

    private static final long MARGIN_AFTER_MILLIS = 1000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    /** What one child saw. */
    private record Run(
            String label,
            ChildJvm.Result result,
            long failoverAt,
            long promotedAt,
            long newMasterAt,
            long calls,
            List<Long> errorTimes,
            List<String> retryLines) {

        long windowMillis() {
            return newMasterAt - failoverAt;
        }

        String figures() {
            String offsets = errorTimes.isEmpty()
                    ? "none"
                    : (errorTimes.get(0) - failoverAt) + ".." + (errorTimes.get(errorTimes.size() - 1) - failoverAt);
            return String.format(
                    "%-9s calls=%d errors=%d window=%d ms (kill -> sentinel reports promotion %d ms,"
                            + " -> new master answers through the client %d ms) error offsets from the kill (ms)=%s %s",
                    label,
                    calls,
                    errorTimes.size(),
                    windowMillis(),
                    promotedAt - failoverAt,
                    windowMillis(),
                    offsets,
                    retryLines);
        }
    }

    @Test
    void errorsOnlyInsideTheFailoverWindowAndFewerWithTheAgent() {
        assertFailoverErrorsOnlyInTheWindowAndFewerWithTheAgent(JEDIS, "sentineled");
    }

    /** The legacy path: a {@code Jedis} per command from a {@code JedisSentinelPool}, retried at its connection. */
    @ParameterizedTest
    @ValueSource(strings = {"4.4.8", "8.0.2"})
    void pooledJedisSeesErrorsOnlyInsideTheFailoverWindowAndFewerWithTheAgent(String version) {
        assertFailoverErrorsOnlyInTheWindowAndFewerWithTheAgent(ClientMatrix.jedis(version), "pool");
    }

    private static void assertFailoverErrorsOnlyInTheWindowAndFewerWithTheAgent(ClientMatrix.Client jedis, String api) {
        Run without = run("no agent", false, jedis, api);
        System.out.println("[sentinel-failover " + api + "] " + without.figures());
        Run with = run("agent", true, jedis, api);
        System.out.println("[sentinel-failover " + api + "] " + with.figures());

        for (Run run : List.of(without, with)) {
            long from = run.failoverAt() - MARGIN_BEFORE_MILLIS;
            long to = run.newMasterAt() + MARGIN_AFTER_MILLIS;
            assertThat(run.calls())
                    .as(run.label() + ": the load ran\n" + run.result())
                    .isGreaterThan(1000);
            assertThat(run.errorTimes())
                    .as(run.label() + ": every error lies in the failover window [" + from + ", " + to + "]\n"
                            + run.figures() + "\n" + run.result())
                    .allSatisfy(at -> assertThat(at).isBetween(from, to));
        }
        assertThat(with.errorTimes().size())
                .as("errors with the agent < errors without\n"
                        + without.figures() + "\n" + with.figures() + "\n--- no agent:\n" + without.result()
                        + "\n--- agent:\n" + with.result())
                .isLessThan(without.errorTimes().size());
    }

    private static Run run(String label, boolean agent, ClientMatrix.Client jedis, String api) {
        try (RedisSentinelSetup topology = RedisSentinelSetup.start(MASTER_NAME);
                BackgroundChild child = BackgroundChild.prepare()) {
            ChildJvm jvm = ChildJvm.forMain(SentinelFailoverLoadApp.class)
                    .client(jedis)
                    .timeout(Duration.ofSeconds(40))
                    .args(
                            topology.sentinelAddress(),
                            MASTER_NAME,
                            child.handshake().toString(),
                            Integer.toString(THREADS),
                            Long.toString(LOAD_AFTER_NEW_MASTER_MILLIS),
                            "15000",
                            api);
            if (agent) {
                jvm.withAgent().systemProperty("redis.pool.env", "production");
            }
            child.start(jvm);

            child.awaitFile("ready", READY_TIMEOUT);
            topology.awaitSubscribers(1);
            BackgroundChild.pause(LOAD_BEFORE_FAILOVER_MILLIS);
            long failoverAt = System.currentTimeMillis();
            topology.killMaster();
            long promotedAt = System.currentTimeMillis();

            ChildJvm.Result result = child.join();
            assertThat(result.exitCode()).as(label + "\n" + result).isZero();
            if (agent) {
                assertThat(result.agentLines("WARN")).as(result.toString()).isEmpty();
            }
            List<String> lines = result.stdoutLines();
            String resultLine = lines.stream()
                    .filter(l -> l.startsWith("RESULT "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(label + ": no RESULT line\n" + result));
            long newMasterAt = lines.stream()
                    .filter(l -> l.startsWith("NEWMASTER "))
                    .map(l -> Long.parseLong(l.split(" ")[1]))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            label + ": the new master never answered through the client\n" + result));
            List<Long> errorTimes = lines.stream()
                    .filter(l -> l.startsWith("ERROR "))
                    .map(l -> Long.parseLong(l.split(" ")[1]))
                    .toList();
            List<String> retryLines =
                    lines.stream().filter(l -> l.startsWith("RETRY ")).toList();
            long calls = Long.parseLong(value(resultLine, "calls"));
            assertThat(Long.parseLong(value(resultLine, "errors")))
                    .as(result.toString())
                    .isEqualTo(errorTimes.size());
            return new Run(label, result, failoverAt, promotedAt, newMasterAt, calls, errorTimes, retryLines);
        }
    }

    private static String value(String line, String key) {
        for (String word : line.split(" ")) {
            if (word.startsWith(key + "=")) {
                return word.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in " + line);
    }
}
