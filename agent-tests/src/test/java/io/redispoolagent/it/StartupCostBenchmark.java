package io.redispoolagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.harness.SystemProperties;
import io.redispoolagent.it.scenarios.JedisStartupApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent costs a small Jedis service, from start to exit: the whole process's CPU (user + sys,
 * all threads, JIT and GC included, from {@code /usr/bin/time}), its peak resident memory and its wall
 * time, without and with the agent, alternating, medians; and the official OpenTelemetry Java agent on
 * the same app for scale. Not part of the normal suite (the name does not match *Test); run it with
 * {@value #COMMAND} after a build.
 */
class StartupCostBenchmark {

    static final String COMMAND = "mvn -pl agent-tests test -Dtest=StartupCostBenchmark -Dbenchmark=true";
    private static final int RUNS = 5;
    private static final int OFFICIAL_AGENT_RUNS = 3;
    private static final String JEDIS_VERSION = "5.2.0";
    private static final long IDLE_MILLIS = 8_000;

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    /** How the app is started: the columns of the table. */
    enum Setup {
        WITHOUT_AGENT("without agent", app -> app),
        AGENT_OTLP(
                "agent, production, OTLP (default)",
                app -> app.withAgent().systemProperty("redis.pool.env", "production")),
        AGENT_NO_EXPORT(
                "agent, production, exporter none",
                app -> app.withAgent()
                        .systemProperty("redis.pool.env", "production")
                        .systemProperty("otel.metrics.exporter", "none")),
        OFFICIAL_AGENT(
                "official OTel agent, exporters none",
                app -> app.jvmArgs("-javaagent:" + SystemProperties.require("otel.javaagent.jar"))
                        .systemProperty("otel.traces.exporter", "none")
                        .systemProperty("otel.metrics.exporter", "none")
                        .systemProperty("otel.logs.exporter", "none"));

        final String label;
        final UnaryOperator<ChildJvm> configure;

        Setup(String label, UnaryOperator<ChildJvm> configure) {
            this.label = label;
            this.configure = configure;
        }
    }

    record Run(double cpuSeconds, double peakRssMib, double wallSeconds) {}

    @Test
    void cpuMemoryAndWallTimeOfASmallServiceWithAndWithoutTheAgent() {
        assumeTrue(Boolean.getBoolean("benchmark"), "StartupCostBenchmark runs only when asked: " + COMMAND);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "needs /usr/bin/time (Debian package time)");

        Map<Setup, List<Run>> runs = new EnumMap<>(Setup.class);
        for (Setup setup : Setup.values()) {
            run(setup); // unmeasured: the first run of each pays for cold file caches
            runs.put(setup, new ArrayList<>());
        }
        for (int i = 0; i < RUNS; i++) {
            for (Setup setup : Setup.values()) {
                if (setup != Setup.OFFICIAL_AGENT || i < OFFICIAL_AGENT_RUNS) {
                    runs.get(setup).add(run(setup));
                }
            }
        }
        System.out.println(table(runs));
    }

    private Run run(Setup setup) {
        Path times = tmp.resolve("time.txt");
        ChildJvm app = setup.configure.apply(ChildJvm.forMain(JedisStartupApp.class)
                .client(ClientMatrix.jedis(JEDIS_VERSION))
                .args(redis.server().host(), String.valueOf(redis.server().port()), String.valueOf(IDLE_MILLIS))
                .launchedBy("/usr/bin/time", "-f", "%U %S %M", "-o", times.toString()));
        ChildJvm.Result result = app.run();
        assertThat(result.exitCode()).as("%s", result).isZero();
        String[] figures = read(times).trim().split(" ");
        return new Run(
                Double.parseDouble(figures[0]) + Double.parseDouble(figures[1]),
                Long.parseLong(figures[2]) / 1024.0,
                result.wallTime().toMillis() / 1000.0);
    }

    private static String read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.get(lines.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    private static String table(Map<Setup, List<Run>> runs) {
        StringBuilder table = new StringBuilder(String.format(
                "%nCost to a small service: JedisStartupApp (Jedis %s, one pool, SET + GET, idle %d s), JDK %s,"
                        + " medians of %d runs (official agent: %d)%n%-38s %10s %12s %10s%n",
                JEDIS_VERSION,
                IDLE_MILLIS / 1000,
                Runtime.version(),
                RUNS,
                OFFICIAL_AGENT_RUNS,
                "",
                "CPU",
                "peak RSS",
                "wall"));
        List<Run> without = runs.get(Setup.WITHOUT_AGENT);
        for (Setup setup : Setup.values()) {
            List<Run> these = runs.get(setup);
            table.append(String.format(
                    "%-38s %8.2f s %8.1f MiB %8.2f s",
                    setup.label,
                    median(these, Run::cpuSeconds),
                    median(these, Run::peakRssMib),
                    median(these, Run::wallSeconds)));
            if (setup != Setup.WITHOUT_AGENT) {
                table.append(String.format(
                        "   (added: %+.2f s CPU, %+.1f MiB, %+.2f s wall)",
                        median(these, Run::cpuSeconds) - median(without, Run::cpuSeconds),
                        median(these, Run::peakRssMib) - median(without, Run::peakRssMib),
                        median(these, Run::wallSeconds) - median(without, Run::wallSeconds)));
            }
            table.append(String.format("%n"));
        }
        return table.append("repeat with: ").append(COMMAND).toString();
    }
}
