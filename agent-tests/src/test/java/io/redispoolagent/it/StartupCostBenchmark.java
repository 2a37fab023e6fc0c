package io.redispoolagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.JedisStartupApp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Start-up cost of the agent on a small Jedis app: wall time and peak resident memory, median of
 * several runs each, with and without {@code -javaagent}, alternating so that both see the same
 * machine state. Not part of the normal suite (the name does not match *Test); run it with
 * {@value #COMMAND} after a build.
 */
class StartupCostBenchmark {

    static final String COMMAND = "mvn -pl agent-tests test -Dtest=StartupCostBenchmark -Dbenchmark=true";
    private static final int RUNS = 7;
    private static final String JEDIS_VERSION = "5.2.0";
    private static final long TARGET_ADDED_MILLIS = 300;
    private static final long TARGET_ADDED_KIB = 48 * 1024;

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    record Run(long wallMillis, long peakRssKib) {}

    @Test
    void agentAddsLessThan300MillisecondsAnd48MebibytesAtStartup() {
        assumeTrue(Boolean.getBoolean("benchmark"), "StartupCostBenchmark runs only when asked: " + COMMAND);

        // One unmeasured run each, so the first measured one does not pay for cold file caches.
        run(false);
        run(true);
        List<Run> without = new ArrayList<>();
        List<Run> with = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            without.add(run(false));
            with.add(run(true));
        }

        long addedMillis = median(with, Run::wallMillis) - median(without, Run::wallMillis);
        long addedKib = median(with, Run::peakRssKib) - median(without, Run::peakRssKib);
        System.out.println(table(without, with, addedMillis, addedKib));
        assertThat(addedMillis).as("added wall time, ms").isLessThan(TARGET_ADDED_MILLIS);
        assertThat(addedKib).as("added peak RSS, KiB").isLessThan(TARGET_ADDED_KIB);
    }

    private static Run run(boolean withAgent) {
        ChildJvm app = ChildJvm.forMain(JedisStartupApp.class)
                .client(ClientMatrix.jedis(JEDIS_VERSION))
                .args(redis.server().host(), String.valueOf(redis.server().port()));
        if (withAgent) {
            app.withAgent().systemProperty("redis.pool.env", "production");
        }
        ChildJvm.Result result = app.run();
        assertThat(result.exitCode()).as("%s", result).isZero();
        long peakRssKib = result.stdoutLines().stream()
                .filter(line -> line.startsWith(JedisStartupApp.PEAK_RSS_LABEL))
                .mapToLong(line -> Long.parseLong(line.substring(JedisStartupApp.PEAK_RSS_LABEL.length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no peak RSS printed: " + result));
        return new Run(result.wallTime().toMillis(), peakRssKib);
    }

    private static long median(List<Run> runs, ToLongFunction<Run> metric) {
        long[] values = runs.stream().mapToLong(metric).sorted().toArray();
        return values[values.length / 2];
    }

    private static String table(List<Run> without, List<Run> with, long addedMillis, long addedKib) {
        return String.format(
                "%nStart-up cost: JedisStartupApp (Jedis %s, one pool, SET + GET), JDK %s, %d runs each, medians%n"
                        + "%-28s %12s %14s%n"
                        + "%-28s %9d ms %10.1f MiB%n"
                        + "%-28s %9d ms %10.1f MiB%n"
                        + "%-28s %+9d ms %+10.1f MiB   (target: < %d ms, < %d MiB)%n"
                        + "repeat with: %s%n",
                JEDIS_VERSION,
                Runtime.version(),
                RUNS,
                "",
                "wall time",
                "peak RSS",
                "without agent",
                median(without, Run::wallMillis),
                median(without, Run::peakRssKib) / 1024.0,
                "with agent (env=production)",
                median(with, Run::wallMillis),
                median(with, Run::peakRssKib) / 1024.0,
                "added by the agent",
                addedMillis,
                addedKib / 1024.0,
                TARGET_ADDED_MILLIS,
                TARGET_ADDED_KIB / 1024,
                COMMAND);
    }
}
