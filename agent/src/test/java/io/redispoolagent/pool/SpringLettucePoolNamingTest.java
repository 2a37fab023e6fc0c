package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;

/**
 * The names of the pools Spring Data Redis' {@code LettuceConnectionFactory} builds with pooling on, in
 * standalone, Sentinel and cluster configurations. Spring builds a pool at the first connection it is
 * asked for; nothing listens on the port, so that connection fails, and the pool it built is read.
 */
class SpringLettucePoolNamingTest {

    private static int closedPort;
    private LettuceConnectionFactory factory;

    @BeforeAll
    static void findAPortNothingListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterEach
    void destroy() {
        factory.destroy();
    }

    @Test
    void aStandalonePoolIsNamedAfterItsServerAndDatabase() throws Exception {
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration("127.0.0.1", closedPort);
        standalone.setDatabase(4);
        standalone.setUsername("app-user");
        standalone.setPassword("s3cret");
        started(new LettuceConnectionFactory(standalone, pooling()));

        catchThrowable(() -> factory.getConnection().ping());

        assertThat(poolIdentities()).isNotEmpty().allSatisfy(identity -> {
            assertThat(identity.name()).isEqualTo("127.0.0.1:" + closedPort + "/4");
            assertThat(identity.serverAddress()).isEqualTo("127.0.0.1");
            assertThat(identity.serverPort()).isEqualTo(closedPort);
        });
    }

    @Test
    void aPoolBehindSentinelIsNamedAfterItsMasterAndCarriesTheFirstSentinel() throws Exception {
        RedisSentinelConfiguration sentinel =
                new RedisSentinelConfiguration("orders", Collections.singleton("127.0.0.1:" + closedPort));
        sentinel.setDatabase(2);
        started(new LettuceConnectionFactory(sentinel, pooling()));

        catchThrowable(() -> factory.getConnection().ping());

        assertThat(poolIdentities()).isNotEmpty().allSatisfy(identity -> {
            assertThat(identity.name()).isEqualTo("sentinel:orders/2");
            assertThat(identity.serverAddress()).isEqualTo("127.0.0.1");
            assertThat(identity.serverPort()).isEqualTo(closedPort);
        });
    }

    @Test
    void aClusterPoolIsNamedAfterTheClusterByItsFirstSeedNode() throws Exception {
        RedisClusterConfiguration cluster = new RedisClusterConfiguration();
        cluster.clusterNode("127.0.0.1", closedPort);
        cluster.clusterNode("127.0.0.2", closedPort);
        started(new LettuceConnectionFactory(cluster, pooling()));

        catchThrowable(() -> factory.getClusterConnection().stringCommands().get(new byte[] {'k'}));

        assertThat(poolIdentities()).isNotEmpty().allSatisfy(identity -> {
            assertThat(identity.name()).isEqualTo("cluster:127.0.0.1:" + closedPort);
            assertThat(identity.serverAddress()).isEqualTo("127.0.0.1");
            assertThat(identity.serverPort()).isEqualTo(closedPort);
        });
    }

    private static LettucePoolingClientConfiguration pooling() {
        return LettucePoolingClientConfiguration.builder()
                .poolConfig(new GenericObjectPoolConfig<>())
                .build();
    }

    private void started(LettuceConnectionFactory created) {
        factory = created;
        factory.setShareNativeConnection(false);
        factory.afterPropertiesSet();
    }

    /**
     * What the agent would name each pool the factory built. Spring keeps them private (the factory's
     * provider wraps the pooling provider, which maps connection types to pools), so they are read by field.
     */
    private List<PoolIdentity> poolIdentities() throws ReflectiveOperationException {
        Object pooling = field(field(factory, "connectionProvider"), "delegate");
        List<PoolIdentity> identities = new ArrayList<>();
        for (Object pool : ((Map<?, ?>) field(pooling, "pools")).values()) {
            identities.add(new PoolNamer()
                    .identify(
                            ((GenericObjectPool<?>) pool).getFactory(),
                            RedisClientFamily.LETTUCE,
                            "ConnectionPoolSupport"));
        }
        return identities;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
