package io.redispoolagent.it.status;

import static io.redispoolagent.it.harness.ExhaustedJedisPool.HELD;
import static io.redispoolagent.it.harness.ExhaustedJedisPool.MAX_WAIT;
import static io.redispoolagent.it.harness.ExhaustedJedisPool.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ExhaustedJedisPool;
import io.redispoolagent.it.harness.Jdks;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.testsupport.json.JsonReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status view ({@code -Dredis.pool.status.port}) of a Jedis app that holds all K connections of its
 * pool while N more borrows time out, read as JSON and through {@code java -jar redis-pool-agent.jar status}.
 */
class StatusViewTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @TempDir
    Path tmp;

    @Test
    void exhaustedJedisPoolShowsUsedMaxExhaustionAndACriticalRecommendationInJsonAndInTheCliTable() throws Exception {
        int port = Ports.free();
        String poolName = redis.server().host() + ":" + redis.server().port() + "/0";
        Path release = tmp.resolve("release");
        CompletableFuture<ChildJvm.Result> child = CompletableFuture.supplyAsync(ExhaustedJedisPool.app(redis, release)
                .systemProperty("redis.pool.status.port", String.valueOf(port))::run);
        Map<String, Object> pool;
        try {
            pool = awaitPool(child, port, poolName);

            assertThat(pool.get("client")).isEqualTo("jedis");
            assertThat(pool.get("kind")).isEqualTo("JedisPool");
            assertThat(pool.get("used")).as("%s", pool).isEqualTo((double) HELD);
            assertThat(pool.get("max")).isEqualTo((double) HELD);
            assertThat(pool.get("idle")).isEqualTo(0.0);
            assertThat(pool.get("utilization")).isEqualTo(1.0);
            assertThat(pool.get("timeouts")).isEqualTo((double) TIMED_OUT);
            assertThat(pool.get("status")).isEqualTo("critical");
            Map<String, Object> settings = map(pool.get("settings"));
            assertThat(map(settings.get("before")).get("maxTotal"))
                    .as("JedisPool's default")
                    .isEqualTo(8.0);
            assertThat(map(settings.get("after")).get("maxTotal")).isEqualTo((double) HELD);
            assertThat(map(settings.get("after")).get("maxWaitMillis")).isEqualTo((double) MAX_WAIT.toMillis());
            assertThat(list(settings.get("changes"))).contains("maxTotal 8 -> " + HELD);
            assertThat(map(pool.get("waitMillis")).get("count")).isEqualTo((double) (HELD + TIMED_OUT));
            assertThat((Double) pool.get("suggestedMaxTotal"))
                    .as("the held peak of 3 at most 80 %% full")
                    .isGreaterThanOrEqualTo(4.0);
            List<Object> recommendations = list(pool.get("recommendations"));
            assertThat(recommendations).anySatisfy(r -> {
                assertThat(map(r).get("severity")).isEqualTo("critical");
                assertThat(map(r).get("code")).isEqualTo("exhausted");
                assertThat((String) map(r).get("message"))
                        .startsWith("pool exhausted: " + TIMED_OUT + " borrows timed out");
            });
            assertThat(recommendations).anySatisfy(r -> {
                assertThat(map(r).get("severity")).isEqualTo("critical");
                assertThat(map(r).get("code")).isEqualTo("utilization");
            });
            assertThat(recommendations)
                    .anySatisfy(r -> assertThat((String) map(r).get("message"))
                            .contains("redis.pool.maxTotal[" + poolName + "]="));

            // The CLI, as a user runs it, against the same live view.
            Cli table = cli("status", String.valueOf(port));
            assertThat(table.exitCode).as(table.output).isZero();
            assertThat(table.output).contains("POOL", "USED/MAX", "SUGGESTED", "Recommendations:");
            String row = table.output
                    .lines()
                    .filter(line -> line.startsWith(poolName))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + poolName + " in\n" + table.output));
            assertThat(row.split("\\s{2,}"))
                    .as(table.output)
                    .startsWith(
                            poolName,
                            "jedis",
                            "JedisPool",
                            "CRITICAL",
                            HELD + "/" + HELD,
                            "0",
                            "100%",
                            "0",
                            String.valueOf(TIMED_OUT));
            assertThat(table.output)
                    .contains("  CRITICAL  " + poolName + "  pool exhausted: " + TIMED_OUT + " borrows timed out");
            assertThat(table.output).contains("8->" + HELD);

            Cli json = cli("status", "127.0.0.1:" + port, "--json");
            assertThat(json.exitCode).isZero();
            assertThat(JsonReader.parse(json.output)).isInstanceOf(Map.class);
        } finally {
            Files.writeString(release, "go");
        }
        ChildJvm.Result result = child.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).contains("held " + HELD, "timed out " + TIMED_OUT, "DONE");
        // The p99 of 5 waits is interpolated in the bucket of the longest one. That is at least the 200 ms
        // maxWait a timed-out borrow waited, so the p99 is above the floor of its bucket, 100 ms; and it is no
        // longer than the longest borrow the app saw, so the p99 is at most the bound of the bucket holding that.
        // Load can only raise the second bound (the app times it too); on an idle machine both give (100, 250].
        ExhaustedJedisPool.Borrows borrows = ExhaustedJedisPool.Borrows.of(result);
        assertThat((Double) map(pool.get("waitMillis")).get("p99"))
                .as("%s", borrows)
                .isBetween(100.0, bucketBoundAtOrAbove(borrows.longest()) * 1000);
        assertThat(result.agentLines("INFO"))
                .as("%s", result)
                .anySatisfy(line -> assertThat(line).contains("status view: http://127.0.0.1:" + port + "/"));
        assertThat(result.agentLines("WARN"))
                .as("the exhaustion report, once for both timeouts: %s", result)
                .singleElement()
                .satisfies(line -> assertThat(line).contains("is exhausted"));
        assertThat(result.agentLines("ERROR")).as("%s", result).isEmpty();

        Cli gone = cli("status", String.valueOf(port));
        assertThat(gone.exitCode).isEqualTo(1);
        assertThat(gone.output)
                .startsWith("Nothing answers on 127.0.0.1:" + port)
                .contains("-Dredis.pool.status.port=<port>");
    }

    @Test
    void aPortInUseIsOneWarningAndTheAppRunsOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path release = tmp.resolve("release");
            Files.writeString(release, "go");
            ChildJvm.Result result = ExhaustedJedisPool.app(redis, release)
                    .systemProperty("redis.pool.status.port", String.valueOf(taken.getLocalPort()))
                    .run();
            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.stdoutLines()).contains("DONE");
            assertThat(result.agentLines("WARN"))
                    .as("%s", result)
                    .filteredOn(line -> !line.contains("is exhausted"))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("status view not started: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                            .contains("the application runs on without it"));
        }
    }

    @Test
    void withoutThePortNothingListensAndNoThreadStarts() {
        ChildJvm.Result result =
                ChildJvm.forMain(StatusThreadProbeApp.class).withAgent().run();
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).contains("status threads: 0");
        assertThat(result.agentLines()).noneSatisfy(line -> assertThat(line).contains("status view"));
    }

    /** Polls the view until the pool shows every timeout; fails with the last document if it never does. */
    private static Map<String, Object> awaitPool(CompletableFuture<ChildJvm.Result> child, int port, String poolName)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = get("http://127.0.0.1:" + port + "/pools");
            if (last != null) {
                for (Object pool : list(map(JsonReader.parse(last)).get("pools"))) {
                    if (poolName.equals(map(pool).get("name"))
                            && Double.valueOf(TIMED_OUT).equals(map(pool).get("timeouts"))) {
                        return map(pool);
                    }
                }
            }
            if (child.isDone()) {
                throw new AssertionError(
                        "the app ended before the view showed its pool; last:\n" + last + "\n" + child.get());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the view never showed " + poolName + " with " + TIMED_OUT + " timeouts; last:\n" + last);
    }

    private record Cli(int exitCode, String output) {}

    /** {@code java -jar redis-pool-agent.jar <args>}, as a user runs it. */
    private static Cli cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Jdks.current().resolve("bin/java").toString(),
                "-jar",
                ChildJvm.agentJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Cli(process.exitValue(), output);
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private static String get(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException nothingYet) {
            return null;
        }
    }

    private static URLClassLoader agentJarLoader;

    /** The agent jar's classes, on a loader of their own: the tests have the agent on no classpath. */
    private static synchronized ClassLoader agentClasses() throws IOException {
        if (agentJarLoader == null) {
            agentJarLoader =
                    new URLClassLoader(new URL[] {ChildJvm.agentJar().toUri().toURL()}, null);
        }
        return agentJarLoader;
    }

    /**
     * The upper bound, in seconds, of the agent's histogram bucket that a wait of {@code took} falls in
     * (the bounds it exports, read from its jar); infinity past the last.
     */
    static double bucketBoundAtOrAbove(Duration took) {
        double[] bounds;
        try {
            bounds = (double[]) agentClasses()
                    .loadClass("io.redispoolagent.metrics.LatencyHistogram")
                    .getField("BOUNDARIES_SECONDS")
                    .get(null);
        } catch (ReflectiveOperationException | IOException e) {
            throw new AssertionError("cannot read the bucket bounds from the agent jar", e);
        }
        return Arrays.stream(bounds)
                .filter(bound -> Math.round(bound * 1e9) >= took.toNanos())
                .findFirst()
                .orElse(Double.POSITIVE_INFINITY);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
