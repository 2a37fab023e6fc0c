package io.redispoolagent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PoolBenchmark} in forks without the agent and with it, in one invocation, and prints them side by side.
 *
 * <pre>
 * java -jar agent-tests/benchmarks/target/benchmarks.jar [--quick] [--agent PATH] [--no-observe]
 *      [--forks N] [--warmups N] [--iterations N] [--time SECONDS]
 * </pre>
 *
 * Variants (each its own forks, in this order): {@code without}; {@code observe} = {@code -javaagent:PATH -Dredis.pool.env=production
 * -Dredis.pool.mode=observe} (hooks and metrics, no resizing: the instrumentation cost alone); {@code production} =
 * {@code -javaagent:PATH -Dredis.pool.env=production} (what the README's demo runs). Defaults: 2 forks × 5 warm-up ×
 * 5 measurement iterations of 2 s, throughput mode; {@code --quick}: 1 fork × 1 + 1 iterations of 1 s (a check that
 * it works, not a measurement). The agent jar is {@code --agent}, else the system property
 * {@code redis.pool.agent.jar}, else {@code agent/target/redis-pool-agent.jar} under the working directory. Forks get
 * an explicit {@code -Xms512m -Xmx512m} and nothing of this JVM's own flags, so do not start the runner itself with
 * the agent.
 */
public final class CompareRunner {
    private CompareRunner() {}

    public static void main(String[] args) throws RunnerException {
        int forks = 2;
        int rounds = 0;
        int warmups = 5;
        int iterations = 5;
        int seconds = 2;
        boolean observe = true;
        String agent = System.getProperty("redis.pool.agent.jar", "agent/target/redis-pool-agent.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    forks = 1;
                    warmups = 1;
                    iterations = 1;
                    seconds = 1;
                    break;
                case "--agent":
                    agent = value(args, ++i);
                    break;
                case "--no-observe":
                    observe = false;
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(value(args, ++i));
                    break;
                case "--forks":
                    forks = Integer.parseInt(value(args, ++i));
                    break;
                case "--warmups":
                    warmups = Integer.parseInt(value(args, ++i));
                    break;
                case "--iterations":
                    iterations = Integer.parseInt(value(args, ++i));
                    break;
                case "--time":
                    seconds = Integer.parseInt(value(args, ++i));
                    break;
                case "-h":
                case "--help":
                    System.out.println(
                            "usage: java -jar benchmarks.jar [--quick] [--agent PATH] [--no-observe] [--forks N]"
                                    + " [--warmups N] [--iterations N] [--time SECONDS] [--rounds R]");
                    return;
                default:
                    System.err.println("unknown argument " + args[i] + " (try --help)");
                    System.exit(2);
            }
        }
        Path agentJar = Paths.get(agent).toAbsolutePath().normalize();
        if (!Files.isRegularFile(agentJar)) {
            System.err.println("agent jar not found: " + agentJar
                    + " (build it: mvn -q -pl agent package -DskipTests, or pass --agent PATH)");
            System.exit(2);
        }

        Map<String, String[]> variants = new LinkedHashMap<>();
        variants.put("without", new String[0]);
        if (observe) {
            variants.put("observe", new String[] {
                "-javaagent:" + agentJar, "-Dredis.pool.env=production", "-Dredis.pool.mode=observe"
            });
        }
        variants.put("production", new String[] {"-javaagent:" + agentJar, "-Dredis.pool.env=production"});

        if (rounds > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "JMH, interleaved: %d round(s), each one fork per variant in turn, %d warm-up + %d"
                            + " measurement iteration(s) of %d s; agent %s%n",
                    rounds,
                    warmups,
                    iterations,
                    seconds,
                    agentJar);
            System.out.print(Interleaved.run(variants, rounds, warmups, iterations, seconds));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "JMH: %d fork(s) x %d warm-up + %d measurement iteration(s) of %d s per benchmark"
                        + " and variant; agent %s%n",
                forks,
                warmups,
                iterations,
                seconds,
                agentJar);
        // benchmark -> variant -> result
        Map<String, Map<String, Result<?>>> results = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> v : variants.entrySet()) {
            System.out.println();
            System.out.println("=== variant: " + v.getKey() + " " + String.join(" ", v.getValue()));
            Collection<RunResult> run = new Runner(options(v.getValue(), forks, warmups, iterations, seconds)).run();
            for (RunResult r : run) {
                String name = r.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.') + 1);
                results.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(v.getKey(), r.getPrimaryResult());
            }
        }
        System.out.println();
        System.out.print(table(results));
    }

    /** The JMH options for one variant: its extra JVM arguments (the agent, or none) on the same settings. */
    static Options options(String[] variantArgs, int forks, int warmups, int iterations, int seconds) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PoolBenchmark.class.getName() + "\\.")
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .threads(1)
                .jvmArgs("-Xms512m", "-Xmx512m");
        if (variantArgs.length > 0) {
            options = options.jvmArgsAppend(variantArgs);
        }
        return options.build();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("option " + args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** ops/s ± error (99.9 % CI from JMH), ns/op derived as 1e9 / (ops/s) with the same relative error, ratio. */
    static String table(Map<String, Map<String, Result<?>>> results) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT, "%-14s %-11s %24s %20s %10s%n", "benchmark", "variant", "ops/s", "ns/op", "vs without"));
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Result<?>>> e : results.entrySet()) {
            Result<?> base = e.getValue().get("without");
            for (Map.Entry<String, Result<?>> v : e.getValue().entrySet()) {
                Result<?> r = v.getValue();
                double ops = r.getScore();
                double err = r.getScoreError(); // NaN with a single measurement iteration (--quick)
                double ns = 1e9 / ops;
                double nsErr = ns * err / ops;
                String errText = Double.isNaN(err) ? "n/a" : String.format(Locale.ROOT, "%,.0f", err);
                String nsErrText = Double.isNaN(nsErr) ? "n/a" : String.format(Locale.ROOT, "%,.1f", nsErr);
                String ratio = base == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100.0 * ops / base.getScore());
                b.append(String.format(
                        Locale.ROOT,
                        "%-14s %-11s %13s ± %-8s %9s ± %-8s %10s%n",
                        e.getKey(),
                        v.getKey(),
                        String.format(Locale.ROOT, "%,.0f", ops),
                        errText,
                        String.format(Locale.ROOT, "%,.1f", ns),
                        nsErrText,
                        ratio));
                if (base != null && r != base) {
                    double overhead = ns - 1e9 / base.getScore();
                    if (e.getKey().equals("borrowReturn")) {
                        notes.add(String.format(
                                Locale.ROOT,
                                "borrow+return overhead (%s): %+.1f ns per borrow+return",
                                v.getKey(),
                                overhead));
                    } else if (e.getKey().equals("getRoundTrip")) {
                        double pct = 100.0 * ops / base.getScore();
                        notes.add(String.format(
                                Locale.ROOT,
                                "GET throughput with the agent (%s): %.1f %% of without (target >= 99 %%)%s",
                                v.getKey(),
                                pct,
                                pct >= 99.0 ? "" : "  <-- below target"));
                    }
                }
            }
        }
        b.append('\n');
        for (String n : notes) {
            b.append(n).append('\n');
        }
        b.append("(± is JMH's 99.9 % confidence interval, n/a with one iteration; ns/op = 1e9 / ops/s, its ± scaled"
                + " the same)\n");
        return b.toString();
    }
}
