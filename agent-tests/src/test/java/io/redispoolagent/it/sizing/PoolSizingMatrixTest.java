package io.redispoolagent.it.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.JedisPoolKindsApp;
import io.redispoolagent.it.scenarios.LettucePoolKindsApp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every standalone pool kind of every client version in the matrix, built with the client's defaults,
 * with the client's pool config and with the application's own 300-connection config: the settings
 * are read back from the live pool object in the child JVM.
 */
class PoolSizingMatrixTest {

    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.oneServer();

    private static final String PRODUCTION = "maxTotal=160 maxIdle=160 minIdle=16 maxWaitMillis=1000"
            + " blockWhenExhausted=true testWhileIdle=true evictionMillis=30000";
    private static final String COMMONS_POOL_DEFAULTS = "maxTotal=8 maxIdle=8 minIdle=0 maxWaitMillis=-1"
            + " blockWhenExhausted=true testWhileIdle=false evictionMillis=-1";
    private static final String APP_300 = "maxTotal=300 maxIdle=300 minIdle=20 maxWaitMillis=5000"
            + " blockWhenExhausted=true testWhileIdle=true evictionMillis=60000";

    static Stream<ClientMatrix.Client> jedisVersions() {
        return ClientMatrix.allJedis().stream();
    }

    static Stream<ClientMatrix.Client> lettuceVersions() {
        return ClientMatrix.allLettuce().stream();
    }

    /** Pool label ({@code JedisPool/default}) to its printed settings, built in a JVM with the agent. */
    private static Map<String, String> pools(ClientMatrix.Client client, String... properties) {
        return pools(true, client, properties);
    }

    private static Map<String, String> pools(boolean agent, ClientMatrix.Client client, String... properties) {
        Class<?> app = client.family().equals("jedis") ? JedisPoolKindsApp.class : LettucePoolKindsApp.class;
        ChildJvm jvm = ChildJvm.forMain(app)
                .client(client)
                .args(REDIS.server().host(), String.valueOf(REDIS.server().port()));
        if (agent) {
            jvm.withAgent();
        }
        for (int i = 0; i < properties.length; i += 2) {
            jvm.systemProperty(properties[i], properties[i + 1]);
        }
        ChildJvm.Result result = jvm.run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.agentLines("WARN")).as(result.toString()).isEmpty();
        Map<String, String> pools = result.stdoutByLabel("maxTotal=");
        assertThat(pools).as(result.toString()).isNotEmpty();
        return pools;
    }

    private static List<String> kinds(Map<String, String> pools) {
        return pools.keySet().stream()
                .map(label -> label.substring(0, label.indexOf('/')))
                .distinct()
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void productionSizesEveryJedisPoolTo160WhateverTheAppConfigured(ClientMatrix.Client client) {
        Map<String, String> pools = pools(client, "redis.pool.env", "production");

        assertThat(pools)
                .allSatisfy((label, settings) -> assertThat(settings).as(label).isEqualTo(PRODUCTION));
        assertThat(kinds(pools)).contains("JedisPool");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void developmentAndStagingApplyTheirOwnProfiles(ClientMatrix.Client client) {
        assertThat(pools(client, "redis.pool.env", "development"))
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith("maxTotal=20 maxIdle=20 minIdle=0 maxWaitMillis=2000 "));
        assertThat(pools(client, "redis.pool.env", "staging"))
                .allSatisfy((label, settings) -> assertThat(settings)
                        .as(label)
                        .startsWith("maxTotal=60 maxIdle=60 minIdle=4 maxWaitMillis=2000 "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void withNoEnvironmentEveryJedisPoolIsExactlyAsWithoutTheAgent(ClientMatrix.Client client) {
        Map<String, String> observed = pools(client);

        assertThat(observed).isEqualTo(pools(false, client));
        assertThat(observed)
                .containsEntry("JedisPool/default", COMMONS_POOL_DEFAULTS)
                .containsEntry("JedisPool/explicit300", APP_300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jedisVersions")
    void floorRaisesDefaultPoolsButNeverLowersOneTheAppSizedAt300(ClientMatrix.Client client) {
        Map<String, String> pools = pools(client, "redis.pool.env", "production", "redis.pool.mode", "floor");

        pools.forEach((label, settings) -> {
            if (label.endsWith("/explicit300")) {
                assertThat(settings).as(label).isEqualTo(APP_300);
            } else if (label.equals("JedisPool/default")) {
                // floor never bounds an unbounded wait: it only raises.
                assertThat(settings)
                        .as(label)
                        .isEqualTo("maxTotal=160 maxIdle=160 minIdle=16 maxWaitMillis=-1"
                                + " blockWhenExhausted=true testWhileIdle=true evictionMillis=30000");
            } else {
                assertThat(settings).as(label).startsWith("maxTotal=160 maxIdle=160 minIdle=16 ");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lettuceVersions")
    void productionSizesLettucesGenericAndAsyncPools(ClientMatrix.Client client) {
        Map<String, String> pools = pools(client, "redis.pool.env", "production");

        assertThat(pools)
                .containsEntry("ConnectionPoolSupport/default", PRODUCTION)
                .containsEntry("ConnectionPoolSupport/explicit300", PRODUCTION)
                // The async pool has no wait and no evictor; its minIdle stays the app's (see AsyncPoolSizer).
                .containsEntry("AsyncConnectionPoolSupport/default", "maxTotal=160 maxIdle=160 minIdle=0")
                .containsEntry("AsyncConnectionPoolSupport/explicit300", "maxTotal=160 maxIdle=160 minIdle=0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lettuceVersions")
    void lettucePoolsFollowDevelopmentObserveAndFloor(ClientMatrix.Client client) {
        assertThat(pools(client, "redis.pool.env", "development"))
                .containsEntry("AsyncConnectionPoolSupport/default", "maxTotal=20 maxIdle=20 minIdle=0")
                .hasEntrySatisfying(
                        "ConnectionPoolSupport/default",
                        settings -> assertThat(settings).startsWith("maxTotal=20 "));
        assertThat(pools(client))
                .isEqualTo(pools(false, client))
                .containsEntry("ConnectionPoolSupport/default", COMMONS_POOL_DEFAULTS)
                .containsEntry("AsyncConnectionPoolSupport/default", "maxTotal=8 maxIdle=8 minIdle=0");
        assertThat(pools(client, "redis.pool.env", "production", "redis.pool.mode", "floor"))
                .containsEntry("ConnectionPoolSupport/explicit300", APP_300)
                .containsEntry("AsyncConnectionPoolSupport/explicit300", "maxTotal=300 maxIdle=300 minIdle=0");
    }
}
