package io.redispoolagent.it.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.Ports;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.PooledJedisProbeApp;
import io.redispoolagent.it.scenarios.PooledJedisRetryApp;
import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retry for the {@code Jedis} a Jedis 4–8 {@code JedisPool} hands out, on a server that requires a
 * password, through an ACL user, on database 3 (database 0 holds another value under the same key):
 * {@link PooledJedisRetryApp} under connection kills, proxy resets and a server restart, with and
 * without the agent (production profile) in the same test.
 */
class PooledJedisRetryTest {

    private static final String USER = "app-user-7f3";
    private static final String PASSWORD = "app-pass-5d9";
    private static final String ADMIN_PASSWORD = "admin-pass-c21";

    /** Without a password: the probes' credentials provider supplies none, and an unauthenticated reuse would read database 0. */
    @RegisterExtension
    static final RedisExtension plain = RedisExtension.oneServer();

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer(
            "--requirepass", ADMIN_PASSWORD, "--user", USER, "on", ">" + PASSWORD, "~*", "&*", "+@all");

    @ParameterizedTest
    @ValueSource(strings = {"4.4.8", "5.2.0", "6.2.0", "7.5.3", "8.0.2"})
    void readsSeeNoErrorAndNoOtherDatabaseUnderConnectionKillsAndNoIncrIsAppliedTwice(String version) {
        RetryRun without = run(version, false, "fault=kill", "every=20", "durationMs=6000");
        int statusPort = Ports.free();
        int prometheusPort = Ports.free();
        RetryRun with = run(
                version,
                true,
                List.of(
                        "-Dredis.pool.status.port=" + statusPort,
                        "-Dotel.metrics.exporter=prometheus",
                        "-Dotel.exporter.prometheus.port=" + prometheusPort),
                "fault=kill",
                "every=20",
                "durationMs=6000",
                "fetch=http://127.0.0.1:" + statusPort + "/|http://127.0.0.1:" + prometheusPort + "/metrics");
        print(version, "CLIENT KILL every 20 ms", without, with);
        assertRecovers(without, with);
        assertThat(with.child.stdout())
                .as("the status view and the metrics were read, and name the pool by endpoint")
                .contains(
                        "FETCHED http://127.0.0.1:" + statusPort + "/ 200",
                        "FETCHED http://127.0.0.1:" + prometheusPort + "/metrics 200")
                .contains(
                        "\"127.0.0.1:" + redis.server().port() + "/3\"",
                        "db_client_connection_pool_name=\"127.0.0.1:"
                                + redis.server().port() + "/3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.4.8", "5.2.0", "6.2.0", "7.5.3", "8.0.2"})
    void readsSeeNoErrorAndNoOtherDatabaseUnderProxyResets(String version) {
        RetryRun without = run(version, false, "fault=reset", "every=50", "durationMs=3000");
        RetryRun with = run(version, true, "fault=reset", "every=50", "durationMs=3000");
        print(version, "TCP resets every 50 ms", without, with);
        assertRecovers(without, with);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.4.8", "5.2.0", "6.2.0", "7.5.3", "8.0.2"})
    void readsSeeNoErrorAndNoOtherDatabaseAcrossAServerRestart(String version, @TempDir Path dir) throws Exception {
        RetryRun without = restartDuringLoad(dir.resolve("without"), version, false);
        RetryRun with = restartDuringLoad(dir.resolve("with"), version, true);
        print(version, "server restart", without, with);
        // The restart loses the data (the server persists nothing): the counter starts again, so only
        // the reads are checked here; the INCRs are checked under the kills and resets.
        assertThat(without.result("readErrors")).as(without.child.toString()).isPositive();
        assertThat(with.result("readErrors")).as(with.child.toString()).isZero();
        assertThat(with.retry("recovered")).as(with.child.toString()).isPositive();
        assertThat(with.result("wrongDatabase")).as(with.child.toString()).isZero();
        assertNoCredentials(with);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.4.8", "8.0.2"})
    void watchTransactionsPipelinesPubSubBlockingCommandsAndTheAppsOwnClientNameAreNotRetried(String version) {
        Map<String, String> probes = probes(version);
        assertThat(probes.get("control"))
                .as("a plain GET is retried (the probes can see a retry)")
                .contains("failure=none", "retried=1");
        assertThat(probes.get("watch")).contains("failure=JedisConnectionException", "retried=0", "not_safe=1");
        assertThat(probes.get("setname")).contains("failure=JedisConnectionException", "retried=0", "not_safe=1");
        assertThat(probes.get("blpop")).contains("failure=JedisConnectionException", "retried=0", "not_safe=1");
        for (String bypass : List.of("multi-exec", "pipeline", "pubsub")) {
            assertThat(probes.get(bypass))
                    .as(bypass)
                    .doesNotContain("failure=none")
                    .contains("retried=0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.4.8", "8.0.2"})
    void aConnectionWhoseReHandshakeFailedIsDestroyedAndNeverUsedUnauthenticated(String version) {
        Map<String, String> probes = probes(version);
        assertThat(probes.get("credentials"))
                .as("the GET fails as without the agent")
                .contains("failure=JedisConnectionException", "calls=0");
        assertThat(probes.get("CREDENTIALS"))
                .as("a second GET on the same Jedis is refused, not run on database 0")
                .contains("second=JedisConnectionException", "destroyed=1");
    }

    // ---------------------------------------------------------------------------------------------

    /** The probe app's PROBE lines by name, and its CREDENTIALS line under that name. */
    private static Map<String, String> probes(String version) {
        RedisServerProcess server = plain.server();
        ChildJvm.Result result = ChildJvm.forMain(PooledJedisProbeApp.class)
                .client(ClientMatrix.jedis(version))
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("otel.metrics.exporter", "none")
                .timeout(Duration.ofSeconds(40))
                .args(server.host(), String.valueOf(server.port()))
                .run();
        Map<String, String> lines = new HashMap<>();
        for (String line : result.stdoutLines()) {
            if (line.startsWith("PROBE ")) {
                String[] parts = line.split(" ", 3);
                lines.put(parts[1], parts[2]);
            } else if (line.startsWith("CREDENTIALS ")) {
                lines.put("CREDENTIALS", line);
            }
            if (line.startsWith("PROBE ") || line.startsWith("CREDENTIALS ")) {
                System.out.println("jedis " + version + " pooled " + line);
            }
        }
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(lines)
                .as(result.toString())
                .containsKeys(
                        "control",
                        "watch",
                        "multi-exec",
                        "pipeline",
                        "pubsub",
                        "blpop",
                        "setname",
                        "credentials",
                        "CREDENTIALS");
        return lines;
    }

    private static void assertRecovers(RetryRun without, RetryRun with) {
        assertThat(without.result("readErrors"))
                .as("read errors without the agent\n%s", without.child)
                .isPositive();
        assertThat(with.result("readErrors"))
                .as("read errors with the agent\n%s", with.child)
                .isZero();
        assertThat(with.result("wrongDatabase"))
                .as("reads of database 0's value\n%s", with.child)
                .isZero();
        assertThat(with.retry("recovered")).as(with.child.toString()).isPositive();
        assertThat(with.retry("not_safe"))
                .as("INCRs broken after the write are not re-sent\n%s", with.child)
                .isPositive();
        without.assertNeverAppliedTwice("incrAcked", "incrErrors", "counter");
        with.assertNeverAppliedTwice("incrAcked", "incrErrors", "counter");
        assertNoCredentials(with);
    }

    private static void assertNoCredentials(RetryRun run) {
        String everything = run.child.stdout() + run.child.stderr();
        assertThat(everything)
                .as("agent output")
                .doesNotContain(PASSWORD)
                .doesNotContain(USER)
                .doesNotContain(ADMIN_PASSWORD);
    }

    private static void print(String version, String fault, RetryRun without, RetryRun with) {
        System.out.printf(
                "jedis %s JedisPool(redis://user:***@host/3), %s: without agent %d read errors, %d wrong"
                        + " database in %d reads; with agent %d read errors, %d wrong database in %d reads, retried %d,"
                        + " recovered %d, not_safe %d; INCR acked %d, errors %d, server %d%n",
                version,
                fault,
                without.result("readErrors"),
                without.result("wrongDatabase"),
                without.result("reads"),
                with.result("readErrors"),
                with.result("wrongDatabase"),
                with.result("reads"),
                with.retry("retried"),
                with.retry("recovered"),
                with.retry("not_safe"),
                with.result("incrAcked"),
                with.result("incrErrors"),
                with.result("counter"));
    }

    private RetryRun restartDuringLoad(Path started, String version, boolean agent) throws Exception {
        CompletableFuture<RetryRun> child = CompletableFuture.supplyAsync(
                () -> run(version, agent, "fault=restart", "startedFile=" + started, "durationMs=3000", "threads=4"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(started) && System.nanoTime() < deadline && !child.isDone()) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        redis.server().restart();
        PooledJedisRetryApp.seed(redis.server().host(), redis.server().port(), ADMIN_PASSWORD, 3);
        return child.get();
    }

    private static RetryRun run(String version, boolean agent, String... args) {
        return run(version, agent, List.of("-Dotel.metrics.exporter=none"), args);
    }

    private static RetryRun run(String version, boolean agent, List<String> jvmArgs, String... args) {
        ChildJvm child = ChildJvm.forMain(PooledJedisRetryApp.class)
                .client(ClientMatrix.jedis(version))
                .timeout(Duration.ofSeconds(40))
                .jvmArgs(jvmArgs.toArray(new String[0]));
        if (agent) {
            child.withAgent().systemProperty("redis.pool.env", "production");
        }
        List<String> all = new ArrayList<>(List.of(
                "host=" + redis.server().host(),
                "port=" + redis.server().port(),
                "user=" + USER,
                "password=" + PASSWORD,
                "adminPassword=" + ADMIN_PASSWORD,
                "db=3"));
        all.addAll(List.of(args));
        ChildJvm.Result result = child.args(all.toArray(new String[0])).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return new RetryRun(agent ? "agent" : "no agent", result);
    }
}
