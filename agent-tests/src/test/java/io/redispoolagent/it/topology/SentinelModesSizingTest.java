package io.redispoolagent.it.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisSentinelSetup;
import io.redispoolagent.it.scenarios.JedisSentinelFailoverApp;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pools behind Redis Sentinel follow every profile and mode like any other pool: JedisSentinelPool (3-8)
 * and, from Jedis 4, the pools of JedisSentineled / RedisSentinelClient, built against one real
 * master + replica + sentinel (no failover here: {@link SentinelFailoverSizingTest} covers that).
 */
class SentinelModesSizingTest {

    private static RedisSentinelSetup topology;

    static Stream<ClientMatrix.Client> jedisVersions() {
        return ClientMatrix.allJedis().stream();
    }

    @BeforeAll
    static void startTopology() {
        topology = RedisSentinelSetup.start("mymaster");
    }

    @AfterAll
    static void stopTopology() {
        if (topology != null) {
            topology.close();
        }
    }

    private static Map<String, String> pools(ClientMatrix.Client client, boolean agent, String... properties) {
        ChildJvm jvm = ChildJvm.forMain(JedisSentinelFailoverApp.class)
                .client(client)
                .args(topology.sentinelAddress(), topology.masterName());
        if (agent) {
            jvm.withAgent();
        }
        for (int i = 0; i < properties.length; i += 2) {
            jvm.systemProperty(properties[i], properties[i + 1]);
        }
        ChildJvm.Result result = jvm.run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, String> pools = result.stdoutByLabel("maxTotal=");
        assertThat(pools).as(result.toString()).containsKey("JedisSentinelPool/before");
        return pools;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void sentinelPoolsFollowDevelopmentStagingObserveAndFloor(ClientMatrix.Client client) {
        assertThat(pools(client, true, "redis.pool.env", "development"))
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith("maxTotal=20 maxIdle=20 minIdle=0 maxWaitMillis=2000 "));
        assertThat(pools(client, true, "redis.pool.env", "staging"))
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith("maxTotal=60 maxIdle=60 minIdle=4 maxWaitMillis=2000 "));
        assertThat(pools(client, true))
                .as("no environment: observe, exactly as without the agent")
                .isEqualTo(pools(client, false));
        // floor raises the clients' default pools, and never lowers the JedisSentinelPool the app sized at 300.
        assertThat(pools(
                        client,
                        true,
                        "redis.pool.env",
                        "production",
                        "redis.pool.mode",
                        "floor",
                        "app.maxTotal",
                        "300"))
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith(
                                label.startsWith("JedisSentinelPool")
                                        ? "maxTotal=300 maxIdle=300 minIdle=16 "
                                        : "maxTotal=160 maxIdle=160 minIdle=16 "));
    }
}
