package io.redispoolagent.it.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisCluster;
import io.redispoolagent.it.scenarios.JedisClusterPoolsApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JedisCluster against a real cluster of three redis-server masters, for every Jedis of the matrix,
 * under {@code -Dredis.pool.env=production}: the profile's size applies to each node's pool, each
 * node pool is named by its node's address, and the application's config object, which JedisCluster
 * shares among the node pools, is left as the application set it. Values are read from the live node
 * pools in the child JVM. One child run per Jedis version serves all three tests.
 */
class JedisClusterSizingTest {

    private static final String PRODUCTION = "maxTotal=160 maxIdle=160 minIdle=16 maxWaitMillis=1000"
            + " blockWhenExhausted=true testWhileIdle=true evictionMillis=30000";
    private static final String APP_CONFIG = "maxTotal=50 maxIdle=50 minIdle=5 maxWaitMillis=5000"
            + " blockWhenExhausted=true testWhileIdle=false evictionMillis=-1";

    private static RedisCluster cluster;
    private static final Map<ClientMatrix.Client, Run> RUNS = new ConcurrentHashMap<>();

    /** What the child printed: label ({@code JedisCluster/default/127.0.0.1:7000}) to settings. */
    private record Run(ChildJvm.Result result, Map<String, String> pools) {}

    static Stream<ClientMatrix.Client> jedisVersions() {
        return ClientMatrix.allJedis().stream();
    }

    @BeforeAll
    static void startCluster() {
        cluster = RedisCluster.start(3);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Run run(ClientMatrix.Client client) {
        return RUNS.computeIfAbsent(client, c -> runChild(c, "redis.pool.env", "production"));
    }

    private static Run runChild(ClientMatrix.Client client, String... properties) {
        List<String> args = new ArrayList<>();
        args.add(cluster.host());
        // One seed is enough: the client discovers the other nodes from CLUSTER SLOTS.
        args.add(String.valueOf(cluster.ports().get(0)));
        ChildJvm jvm = ChildJvm.forMain(JedisClusterPoolsApp.class)
                .client(client)
                .withAgent()
                .args(args.toArray(String[]::new));
        for (int i = 0; i < properties.length; i += 2) {
            jvm.systemProperty(properties[i], properties[i + 1]);
        }
        ChildJvm.Result result = jvm.run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.agentLines("WARN")).as(result.toString()).isEmpty();
        return new Run(result, result.stdoutByLabel("maxTotal="));
    }

    private static List<String> nodeAddresses() {
        return cluster.ports().stream().map(port -> cluster.host() + ":" + port).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void everyNodePoolIsSizedTo160WhetherBuiltWithDefaultsOrTheAppsSharedConfig(ClientMatrix.Client client) {
        Run run = run(client);

        for (String variant : List.of("default", "explicit")) {
            for (String node : nodeAddresses()) {
                assertThat(run.pools())
                        .as(run.result().toString())
                        .containsEntry("JedisCluster/" + variant + "/" + node, PRODUCTION);
            }
        }
        assertThat(run.pools().keySet())
                .as("one pool per node and variant, plus the shared config")
                .hasSize(2 * nodeAddresses().size() + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void theAgentNamesEveryNodePoolByItsNodesAddress(ClientMatrix.Client client) {
        Run run = run(client);
        List<String> info = run.result().agentLines("INFO");

        for (String node : nodeAddresses()) {
            // One pool per node for each of the two JedisCluster instances, each logged with what changed.
            assertThat(info)
                    .as(run.result().toString())
                    .filteredOn(line -> line.contains(" pool " + node + "/0 (jedis "))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).containsPattern("maxTotal \\d+ -> 160"));
        }
        assertThat(info)
                .as("no cluster node pool named otherwise\n" + run.result())
                .filteredOn(line -> line.contains(" pool ") && line.contains("maxTotal "))
                .allSatisfy(line -> assertThat(nodeAddresses())
                        .anySatisfy(node -> assertThat(line).contains(" pool " + node + "/0 ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void theAppsSharedConfigObjectIsNotMutated(ClientMatrix.Client client) {
        Run run = run(client);

        assertThat(run.pools())
                .as(run.result().toString())
                .containsEntry("JedisCluster/explicit/sharedConfig", APP_CONFIG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void nodePoolsFollowDevelopmentStagingObserveAndFloorLikeAnyOtherPool(ClientMatrix.Client client) {
        String app300 = "maxTotal=300 maxIdle=300 minIdle=5 maxWaitMillis=5000";

        assertThat(runChild(client, "redis.pool.env", "development", "app.maxTotal", "300")
                        .pools())
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith(
                                label.endsWith("sharedConfig")
                                        ? app300
                                        : "maxTotal=20 maxIdle=20 minIdle=0 maxWaitMillis=2000"));
        assertThat(runChild(client, "redis.pool.env", "staging", "app.maxTotal", "300")
                        .pools())
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith(
                                label.endsWith("sharedConfig")
                                        ? app300
                                        : "maxTotal=60 maxIdle=60 minIdle=4 maxWaitMillis=2000"));
        assertThat(runChild(client, "app.maxTotal", "300").pools())
                .as("no environment: observe")
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith(
                                label.contains("/default/")
                                        ? "maxTotal=8 maxIdle=8 minIdle=0 maxWaitMillis=-1"
                                        : app300));
        // floor never lowers the app's 300 nor shortens its 5 s wait; it raises minIdle 5 to the profile's 16.
        assertThat(runChild(client, "redis.pool.env", "production", "redis.pool.mode", "floor", "app.maxTotal", "300")
                        .pools())
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith(
                                label.contains("/default/")
                                        ? "maxTotal=160 maxIdle=160 minIdle=16 maxWaitMillis=-1"
                                        : label.endsWith("sharedConfig")
                                                ? app300
                                                : "maxTotal=300 maxIdle=300 minIdle=16 maxWaitMillis=5000"));
    }
}
