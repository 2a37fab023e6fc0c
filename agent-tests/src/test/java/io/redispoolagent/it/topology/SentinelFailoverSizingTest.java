package io.redispoolagent.it.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.redispoolagent.it.harness.BackgroundChild;
import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisSentinelSetup;
import io.redispoolagent.it.scenarios.JedisSentinelFailoverApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jedis' Sentinel clients against a real master, replica and sentinel, for every Jedis of the matrix,
 * under {@code -Dredis.pool.env=production}, across a forced {@code SENTINEL FAILOVER}:
 * {@code JedisSentinelPool} keeps one pool and points it at the new master; from Jedis 4 on,
 * {@code SentineledConnectionProvider} (behind {@code JedisSentineled} and {@code RedisSentinelClient})
 * builds a new pool for the new master, which must be sized and named like the one it replaces.
 * Values are read from the live pools in the child JVM.
 *
 * <p>Each Jedis version gets a fresh topology (after a failover Sentinel demotes the old master only
 * several seconds later, so a second failover would wait for it), and one child run per version
 * serves all the tests.
 */
class SentinelFailoverSizingTest {

    private static final String MASTER_NAME = "mymaster";
    private static final String POOL_NAME = "sentinel:" + MASTER_NAME + "/0";
    private static final String PRODUCTION = "maxTotal=160 maxIdle=160 minIdle=16 maxWaitMillis=1000"
            + " blockWhenExhausted=true testWhileIdle=true evictionMillis=30000";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private static final Map<ClientMatrix.Client, Run> RUNS = new ConcurrentHashMap<>();

    /** What one child printed ({@code label -> rest of line}), and the masters before and after the failover. */
    private record Run(
            ChildJvm.Result result,
            Map<String, String> lines,
            int oldMaster,
            int newMaster,
            long topologyMillis,
            long failoverMillis) {

        String line(String label) {
            assertThat(lines).as(result.toString()).containsKey(label);
            return lines.get(label);
        }

        List<String> sentinelPoolInfoLines(String kind) {
            return result.agentLines("INFO").stream()
                    .filter(line -> line.contains(" pool " + POOL_NAME + " (jedis " + kind + ")"))
                    .toList();
        }

        /** The clients the child built that follow the master through a SentineledConnectionProvider. */
        List<String> providerClients() {
            return Stream.of("JedisSentineled", "RedisSentinelClient")
                    .filter(label -> lines.containsKey(label + "/before"))
                    .toList();
        }

        @Override
        public String toString() {
            return "master " + oldMaster + " failed over to " + newMaster + " (topology up in " + topologyMillis
                    + " ms, failover took " + failoverMillis + " ms)\n" + result;
        }
    }

    static Stream<ClientMatrix.Client> jedisVersions() {
        return ClientMatrix.allJedis().stream();
    }

    private static Run run(ClientMatrix.Client client) {
        return RUNS.computeIfAbsent(client, SentinelFailoverSizingTest::failOverUnderChild);
    }

    /** Starts a topology, lets the child build its clients, fails the master over, lets the child finish. */
    private static Run failOverUnderChild(ClientMatrix.Client client) {
        long start = System.nanoTime();
        try (RedisSentinelSetup topology = RedisSentinelSetup.start(MASTER_NAME);
                BackgroundChild child = BackgroundChild.prepare()) {
            long topologyMillis = (System.nanoTime() - start) / 1_000_000;
            int oldMaster = topology.currentMasterPort();
            child.start(ChildJvm.forMain(JedisSentinelFailoverApp.class)
                    .client(client)
                    .withAgent()
                    .systemProperty("redis.pool.env", "production")
                    .args(
                            topology.sentinelAddress(),
                            MASTER_NAME,
                            child.handshake().toString()));

            int subscribers =
                    Integer.parseInt(child.awaitFile("ready", READY_TIMEOUT).trim());
            topology.awaitSubscribers(subscribers);
            long failoverStart = System.nanoTime();
            int newMaster = topology.failover();
            long failoverMillis = (System.nanoTime() - failoverStart) / 1_000_000;
            child.writeFile("go", Integer.toString(newMaster));

            ChildJvm.Result result = child.join();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.agentLines("WARN")).as(result.toString()).isEmpty();
            return new Run(result, result.stdoutByLabel(""), oldMaster, newMaster, topologyMillis, failoverMillis);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void jedisSentinelPoolIsSizedTo160AndNamedAfterItsMaster(ClientMatrix.Client client) {
        Run run = run(client);

        assertThat(run.line("JedisSentinelPool/before")).as(run.toString()).isEqualTo(PRODUCTION);
        assertThat(run.sentinelPoolInfoLines("JedisSentinelPool"))
                .as(run.toString())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("maxTotal 8 -> 160"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void jedisSentinelPoolStaysSizedAndWritesToTheNewMasterAfterFailover(ClientMatrix.Client client) {
        Run run = run(client);

        assertThat(run.newMaster()).isNotEqualTo(run.oldMaster());
        assertThat(run.line("JedisSentinelPool/after.server"))
                .as(run.toString())
                .isEqualTo("port=" + run.newMaster() + " role=master");
        assertThat(run.line("JedisSentinelPool/after")).as(run.toString()).isEqualTo(PRODUCTION);
        // The same pool object, re-pointed at the new master: nothing new to size, nothing logged twice.
        assertThat(run.line("JedisSentinelPool/after.pool"))
                .as(run.toString())
                .isEqualTo(run.line("JedisSentinelPool/before.pool"));
        assertThat(run.sentinelPoolInfoLines("JedisSentinelPool"))
                .as(run.toString())
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void theNewPoolASentinelProviderBuildsAfterFailoverIsSizedTo160(ClientMatrix.Client client) {
        assumeTrue(!client.version().startsWith("3."), "Jedis 3 has no SentineledConnectionProvider");
        Run run = run(client);

        assertThat(run.providerClients()).as(run.toString()).isNotEmpty();
        for (String label : run.providerClients()) {
            assertThat(run.line(label + "/before"))
                    .as(label + " before\n" + run)
                    .isEqualTo(PRODUCTION);
            assertThat(run.line(label + "/after.server"))
                    .as(label + "\n" + run)
                    .isEqualTo("port=" + run.newMaster() + " role=master");
            assertThat(run.line(label + "/after.pool"))
                    .as(label + " builds a new pool for the new master\n" + run)
                    .isNotEqualTo(run.line(label + "/before.pool"));
            assertThat(run.line(label + "/after")).as(label + " after\n" + run).isEqualTo(PRODUCTION);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void theNewPoolASentinelProviderBuildsAfterFailoverKeepsTheSentinelName(ClientMatrix.Client client) {
        assumeTrue(!client.version().startsWith("3."), "Jedis 3 has no SentineledConnectionProvider");
        Run run = run(client);

        // One line for the pool built at start, one for the pool built for the new master, per client.
        assertThat(run.sentinelPoolInfoLines("SentineledConnectionProvider"))
                .as(run.toString())
                .hasSize(2 * run.providerClients().size())
                .allSatisfy(line -> assertThat(line).contains("maxTotal 8 -> 160"));
        assertThat(run.result().agentLines("INFO"))
                .as("every pool is named after the sentinel master\n" + run)
                .filteredOn(line -> line.contains(" pool ") && line.contains(" -> "))
                .allSatisfy(line -> assertThat(line).contains(" pool " + POOL_NAME + " (jedis "));
    }
}
