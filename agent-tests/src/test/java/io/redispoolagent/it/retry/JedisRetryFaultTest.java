package io.redispoolagent.it.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.Jdks;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.RetryWorkloadApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retry on Jedis 4–8 {@code UnifiedJedis} clients and on Jedis 3's pooled {@code Jedis} under real faults: a real redis-server, a TCP proxy
 * inside the child JVM ({@code FaultProxy}), {@code CLIENT KILL TYPE normal} in a loop, a server
 * restart. Each test runs {@link RetryWorkloadApp} in child JVMs with and without the agent (retry
 * enabled explicitly: the agent is otherwise in observe mode, which changes no behaviour) and prints
 * its figures.
 */
class JedisRetryFaultTest {

    private static final String JEDIS = "5.2.0";
    private static final String JEDIS_3 = "3.10.0";

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @Test
    void idempotentWorkloadSeesNoErrorWithTheAgentAndErrorsWithout() {
        assertIdempotentWorkloadRecovers(JEDIS, "api=unified");
    }

    @Test
    void jedis3PooledJedisSeesNoErrorWithTheAgentAndErrorsWithout() {
        assertIdempotentWorkloadRecovers(JEDIS_3, "api=pool");
    }

    @ParameterizedTest
    @CsvSource({"5.2.0, api=unified", "3.10.0, api=pool"})
    void idempotentWorkloadSeesNoErrorWhenTheConnectionStallsPastTheSocketTimeout(String version, String api) {
        String[] stalls = {api, "fault=stall", "every=400", "stallMs=250", "timeoutMs=100", "durationMs=2500"};
        RetryRun without = run(version, false, stalls);
        RetryRun with = run(version, true, stalls);
        System.out.printf(
                "jedis %s %s, stalls of 250 ms past a 100 ms timeout: without agent %d errors in %d calls;"
                        + " with agent %d errors in %d calls, retried %d, recovered %d%n",
                version,
                api,
                without.errors(),
                without.calls(),
                with.errors(),
                with.calls(),
                with.retry("retried"),
                with.retry("recovered"));
        assertThat(without.errors())
                .as("timeouts without the agent\n%s", without.child)
                .isPositive();
        assertThat(with.errors()).as("errors with the agent\n%s", with.child).isZero();
        assertThat(with.retry("recovered")).as(with.child.toString()).isPositive();
    }

    @Test
    void anIncrThatTimedOutIsNotSentAgain() {
        String[] stalls = {
            "api=unified",
            "workload=counter",
            "fault=stall",
            "every=400",
            "stallMs=250",
            "timeoutMs=100",
            "durationMs=2500"
        };
        RetryRun with = run(JEDIS, true, stalls);
        System.out.printf(
                "counter under stalls: INCR acked %d, errors %d, server %d; LPUSH acked %d, errors %d, server"
                        + " %d; not_safe %d%n",
                with.result("incrAcked"),
                with.result("incrErrors"),
                with.result("counter"),
                with.result("pushAcked"),
                with.result("pushErrors"),
                with.result("llen"),
                with.retry("not_safe"));
        with.assertNeverAppliedTwice("incrAcked", "incrErrors", "counter");
        with.assertNeverAppliedTwice("pushAcked", "pushErrors", "llen");
        assertThat(with.retry("not_safe"))
                .as("timed-out INCR/LPUSH are not retried\n%s", with.child)
                .isPositive();
    }

    @Test
    void observeModeChangesNoBehaviour() {
        // The agent loaded, no environment named (observe mode), retry not enabled explicitly.
        ChildJvm.Result result = ChildJvm.forMain(RetryWorkloadApp.class)
                .client(ClientMatrix.jedis(JEDIS))
                .withAgent()
                .systemProperty("otel.metrics.exporter", "none")
                .timeout(Duration.ofSeconds(40))
                .args(
                        "host=" + redis.server().host(),
                        "port=" + redis.server().port(),
                        "fault=kill",
                        "every=100",
                        "durationMs=2000")
                .run();
        RetryRun observe = new RetryRun("observe", result);
        System.out.printf(
                "observe mode: %d errors in %d calls, retried %d%n",
                observe.errors(), observe.calls(), observe.retry("retried"));
        assertThat(observe.errors()).as(result.toString()).isPositive();
        assertThat(observe.retry)
                .as(result.toString())
                .isNotEmpty()
                .allSatisfy((outcome, count) -> assertThat(count).isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.4.8", "6.2.0", "7.5.3", "8.0.2"})
    void idempotentWorkloadUnderConnectionKillsOnEveryUnifiedJedis(String version) {
        RetryRun with = run(version, true, "fault=kill", "every=100", "durationMs=1500");
        System.out.printf(
                "jedis %s, CLIENT KILL every 100 ms: %d errors in %d calls, retried %d, recovered %d%n",
                version, with.errors(), with.calls(), with.retry("retried"), with.retry("recovered"));
        assertThat(with.errors()).as(with.child.toString()).isZero();
        assertThat(with.retry("recovered")).as(with.child.toString()).isPositive();
    }

    @Test
    void incrAndLpushAreNeverAppliedTwiceAndTheCheckCatchesANaiveRetry() {
        assertCountersNeverAppliedTwice(JEDIS, "api=unified");
    }

    @Test
    void jedis3PooledJedisRecoversFromConnectionKillsOnJdk25() {
        Path jdk25 = Jdks.assumeJdk25("Jedis 3 retry on JDK 25");
        RetryRun with = run(jdk25, JEDIS_3, true, List.of(), "api=pool", "fault=kill", "every=100", "durationMs=1500");
        System.out.printf(
                "jedis 3.10.0 on JDK 25, CLIENT KILL every 100 ms: %d errors in %d calls, recovered %d%n",
                with.errors(), with.calls(), with.retry("recovered"));
        assertThat(with.errors()).as(with.child.toString()).isZero();
        assertThat(with.retry("recovered")).as(with.child.toString()).isPositive();
    }

    @Test
    void jedis3IncrAndLpushAreNeverAppliedTwiceAndTheCheckCatchesANaiveRetry() {
        assertCountersNeverAppliedTwice(JEDIS_3, "api=pool");
    }

    @ParameterizedTest
    @CsvSource({"5.2.0, api=unified", "3.10.0, api=pool"})
    void serverRestartMidLoad(String version, String api, @TempDir Path dir) throws Exception {
        RetryRun without = restartDuringLoad(dir.resolve("without"), version, api, false);
        RetryRun with = restartDuringLoad(dir.resolve("with"), version, api, true);
        System.out.printf(
                "jedis " + version + " " + api
                        + ", restart: without agent %d errors in %d calls; with agent %d errors in %d calls,"
                        + " retried %d, recovered %d, gave up %d%n",
                without.errors(),
                without.calls(),
                with.errors(),
                with.calls(),
                with.retry("retried"),
                with.retry("recovered"),
                with.retry("gave_up"));
        assertThat(without.errors()).as(without.child.toString()).isPositive();
        assertThat(with.errors()).as(with.child.toString()).isLessThan(without.errors());
        assertThat(with.retry("recovered")).as(with.child.toString()).isPositive();
    }

    @Test
    void redisDownForFiveSecondsUnderLoad() {
        // The budget under test: a lower ratio than the default 0.1, so that it, not the attempts, limits
        // retries, and the default 10 retries a second however few requests there are.
        RetryRun with = run(
                JEDIS,
                true,
                List.of("-Dredis.pool.retry.budget=0.01", "-Dredis.pool.retry.budgetMinPerSecond=10"),
                "fault=outage",
                "outageAtMs=1000",
                "outageMs=5000",
                "durationMs=7000",
                "threads=16");
        long calls = with.calls();
        long retried = with.retry("retried");
        long allowed = (long) (0.01 * calls) + 10L * (7 + 1) + 10;
        System.out.printf(
                "outage 5 s, 16 threads: %d calls, %d failed in the outage, retried %d (budget bound %d),"
                        + " budget denied %d, gave up %d, slowest failure %d ms, first success %d ms after Redis was back%n",
                calls,
                with.result("failedInOutage"),
                retried,
                allowed,
                with.retry("budget_denied"),
                with.retry("gave_up"),
                with.result("maxFailMs"),
                with.result("recoveryMs"));
        assertThat(retried).as(with.child.toString()).isLessThanOrEqualTo(allowed);
        assertThat(with.retry("budget_denied")).as(with.child.toString()).isPositive();
        assertThat(with.result("maxFailMs"))
                .as("callers fail within the deadline")
                .isLessThan(1_500);
        assertThat(with.result("recoveryMs"))
                .as("recovered within one backoff cycle")
                .isLessThan(8 + 32 + 128 + 100);
    }

    @Test
    void backoffWithoutJitterIs8Then32Then128Milliseconds() {
        RetryRun run = run(JEDIS, true, List.of("-Dredis.pool.retry.jitter=false"), "workload=backoff", "samples=5");
        List<double[]> gaps = new ArrayList<>();
        for (String line : run.child.stdoutLines()) {
            if (line.startsWith("BACKOFF")) {
                assertThat(line).as(run.child.toString()).contains("attempts=4");
                String values = line.substring(line.indexOf("gaps=") + 5);
                gaps.add(Arrays.stream(values.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray());
                System.out.println("backoff gaps (ms, jitter off): " + values);
            }
        }
        assertThat(gaps).hasSize(5);
        double[] expected = {8, 32, 128};
        // A busy machine can only lengthen a pause, never shorten it: every sample is at least the
        // backoff, and the least disturbed one (the shortest; the first sample also pays for class
        // loading) is within a few milliseconds of it.
        for (int i = 0; i < 3; i++) {
            double shortest = Double.MAX_VALUE;
            for (double[] sample : gaps) {
                assertThat(sample[i])
                        .as("gap %d of %s", i + 1, Arrays.toString(sample))
                        .isGreaterThan(expected[i] - 0.5);
                shortest = Math.min(shortest, sample[i]);
            }
            assertThat(shortest).as("shortest gap %d", i + 1).isBetween(expected[i] - 0.5, expected[i] + 5);
        }
    }

    @Test
    void errorRepliesPoolExhaustionTransactionsPipelinesPubSubAndBlockingCommandsAreNotRetried() {
        Map<String, String> lines = probe(io.redispoolagent.it.scenarios.RetryProbeApp.class, JEDIS);
        assertThat(lines).containsOnlyKeys("wrongtype", "blpop", "exhausted", "multi-exec", "pipeline", "pubsub");
        assertThat(lines.get("exhausted")).contains("failure=JedisException", "retried=0", "not_retryable=1");
        assertNotRetried(lines, "multi-exec", "pipeline", "pubsub");
    }

    @Test
    void jedis3ErrorRepliesWatchTransactionsPipelinesPubSubAndBlockingCommandsAreNotRetried() {
        Map<String, String> lines = probe(io.redispoolagent.it.scenarios.Jedis3RetryProbeApp.class, JEDIS_3);
        assertThat(lines).containsOnlyKeys("wrongtype", "blpop", "watch", "multi-exec", "pipeline", "pubsub");
        assertThat(lines.get("watch"))
                .as("a read after WATCH is not re-sent on a new connection")
                .contains("failure=JedisConnectionException", "retried=0", "not_safe=1");
        assertNotRetried(lines, "multi-exec", "pipeline", "pubsub");
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertIdempotentWorkloadRecovers(String version, String api) {
        for (String fault : List.of("kill", "reset")) {
            RetryRun without = run(version, false, api, "fault=" + fault, "every=100", "durationMs=2500");
            RetryRun with = run(version, true, api, "fault=" + fault, "every=100", "durationMs=2500");
            System.out.printf(
                    "jedis %s %s, idempotent/%s: without agent %d errors in %d calls; with agent %d errors"
                            + " in %d calls, retried %d, recovered %d%n",
                    version,
                    api,
                    fault,
                    without.errors(),
                    without.calls(),
                    with.errors(),
                    with.calls(),
                    with.retry("retried"),
                    with.retry("recovered"));
            assertThat(without.errors())
                    .as("errors without the agent (%s)\n%s", fault, without.child)
                    .isPositive();
            assertThat(with.errors())
                    .as("errors with the agent (%s)\n%s", fault, with.child)
                    .isZero();
            assertThat(with.retry("recovered")).as(with.child.toString()).isPositive();
            assertThat(with.retry("gave_up") + with.retry("not_safe") + with.retry("budget_denied"))
                    .isZero();
        }
    }

    private static void assertCountersNeverAppliedTwice(String version, String api) {
        String[] workload = {api, "workload=counter", "fault=reset", "every=20", "durationMs=2500"};
        RetryRun without = run(version, false, workload);
        RetryRun with = run(version, true, workload);
        RetryRun naive = run(
                version, false, api, "workload=counter", "fault=reset", "every=20", "durationMs=2500", "naive=true");
        for (RetryRun r : List.of(without, with, naive)) {
            System.out.printf(
                    "jedis %s %s, counter/%s: INCR acked %d, errors %d, server %d; LPUSH acked %d, errors %d,"
                            + " server %d; retried %d, not_safe %d%n",
                    version,
                    api,
                    r.label,
                    r.result("incrAcked"),
                    r.result("incrErrors"),
                    r.result("counter"),
                    r.result("pushAcked"),
                    r.result("pushErrors"),
                    r.result("llen"),
                    r.retry("retried"),
                    r.retry("not_safe"));
        }
        for (RetryRun r : List.of(without, with)) {
            r.assertNeverAppliedTwice("incrAcked", "incrErrors", "counter");
            r.assertNeverAppliedTwice("pushAcked", "pushErrors", "llen");
        }
        assertThat(with.retry("not_safe"))
                .as("INCR/LPUSH failures after the write are not retried")
                .isPositive();
        long naiveExcess = naive.result("counter")
                - naive.result("incrAcked")
                - naive.result("incrErrors")
                + naive.result("llen")
                - naive.result("pushAcked")
                - naive.result("pushErrors");
        assertThat(naiveExcess)
                .as("the naive retry-everything loop applied writes twice\n%s", naive.child)
                .isPositive();
    }

    /** Runs a probe app with the agent and retry on; returns its PROBE lines by name, after the checks every probe shares. */
    private static Map<String, String> probe(Class<?> app, String version) {
        ChildJvm.Result probe = ChildJvm.forMain(app)
                .client(ClientMatrix.jedis(version))
                .withAgent()
                .systemProperty("redis.pool.retry.enabled", "true")
                .systemProperty("otel.metrics.exporter", "none")
                .timeout(Duration.ofSeconds(40))
                .args(redis.server().host(), String.valueOf(redis.server().port()))
                .run();
        Map<String, String> lines = new HashMap<>();
        for (String line : probe.stdoutLines()) {
            if (line.startsWith("PROBE ")) {
                String[] parts = line.split(" ", 3);
                lines.put(parts[1], parts[2]);
                System.out.println("jedis " + version + " " + line);
            }
        }
        assertThat(lines).as(probe.toString()).containsKeys("wrongtype", "blpop");
        assertThat(lines.get("wrongtype"))
                .contains("failure=JedisDataException", "retried=0", "not_retryable=1", "calls=1");
        assertThat(lines.get("blpop"))
                .contains("failure=JedisConnectionException", "retried=0", "not_safe=1", "calls=1");
        return lines;
    }

    private static void assertNotRetried(Map<String, String> lines, String... bypasses) {
        for (String bypass : bypasses) {
            assertThat(lines.get(bypass))
                    .as(bypass)
                    .doesNotContain("failure=none")
                    .contains("retried=0");
        }
    }

    private RetryRun restartDuringLoad(Path started, String version, String api, boolean agent) throws Exception {
        CompletableFuture<RetryRun> child = CompletableFuture.supplyAsync(() -> run(
                version,
                agent,
                List.of(),
                api,
                "via=direct",
                "fault=restart",
                "startedFile=" + started,
                "durationMs=3000"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(started) && System.nanoTime() < deadline && !child.isDone()) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        redis.server().restart();
        return child.get();
    }

    private static RetryRun run(String version, boolean agent, String... args) {
        return run(version, agent, List.of(), args);
    }

    private static RetryRun run(String version, boolean agent, List<String> jvmArgs, String... args) {
        return run(Jdks.current(), version, agent, jvmArgs, args);
    }

    /**
     * What these tests prove is that retry recovers, so the retry budget must not decide: it allows a
     * tenth of the requests served, and how many a child serves in a second depends on the machine, while
     * the faults break the same number of commands however fast it is. The budget has tests of its own
     * ({@code RetryBudgetTest}, and the outage here, which sets the one it measures after these).
     */
    private static final List<String> BUDGET_THAT_CANNOT_BIND =
            List.of("-Dredis.pool.retry.budget=1", "-Dredis.pool.retry.budgetMinPerSecond=100000");

    private static RetryRun run(Path javaHome, String version, boolean agent, List<String> jvmArgs, String... args) {
        ChildJvm child = ChildJvm.forMain(RetryWorkloadApp.class)
                .javaHome(javaHome)
                .client(ClientMatrix.jedis(version))
                .timeout(Duration.ofSeconds(40))
                .systemProperty("otel.metrics.exporter", "none")
                .jvmArgs(BUDGET_THAT_CANNOT_BIND.toArray(new String[0]))
                .jvmArgs(jvmArgs.toArray(new String[0]));
        if (agent) {
            child.withAgent().systemProperty("redis.pool.retry.enabled", "true");
        }
        List<String> all = new ArrayList<>(List.of(
                "host=" + redis.server().host(), "port=" + redis.server().port()));
        all.addAll(List.of(args));
        ChildJvm.Result result = child.args(all.toArray(new String[0])).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String label = Arrays.asList(args).contains("naive=true") ? "naive retry" : agent ? "agent" : "no agent";
        return new RetryRun(label, result);
    }
}
