package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The names of pools an application builds with {@code ConnectionPoolSupport.createGenericObjectPool}
 * from a supplier, on real Lettuce clients: none connects before the first borrow, so no server is needed.
 */
class LettucePoolNamingTest {

    private static final ClientResources RESOURCES = DefaultClientResources.create();

    @AfterAll
    static void shutDown() {
        RESOURCES.shutdown();
    }

    @Test
    void aLambdaCapturingAClientNamesThePoolAfterTheClientsServerAndDatabaseWithoutItsCredentials() {
        RedisClient client = RedisClient.create(RESOURCES, "redis://app-user:s3cret@10.1.2.3:6380/2");

        PoolIdentity identity = identityOf(client::connect);

        assertThat(identity.name()).isEqualTo("10.1.2.3:6380/2");
        assertThat(identity.serverAddress()).isEqualTo("10.1.2.3");
        assertThat(identity.serverPort()).isEqualTo(6380);
    }

    @Test
    void aClientBuiltWithoutAUriLeavesTheNameToTheUriTheLambdaConnectsTo() {
        RedisClient client = RedisClient.create(RESOURCES);
        RedisURI uri = RedisURI.create("redis://10.1.2.4:6381/5");

        PoolIdentity identity = identityOf(() -> client.connect(uri));

        assertThat(identity.name()).isEqualTo("10.1.2.4:6381/5");
    }

    @Test
    void aClientBehindSentinelNamesThePoolAfterItsMasterAndCarriesTheFirstSentinel() {
        RedisURI uri = RedisURI.Builder.sentinel("10.0.0.9", 26379, "orders")
                .withSentinel("10.0.0.10", 26380)
                .withDatabase(1)
                .build();
        RedisClient client = RedisClient.create(RESOURCES, uri);

        PoolIdentity identity = identityOf(client::connect);

        assertThat(identity.name()).isEqualTo("sentinel:orders/1");
        assertThat(identity.serverAddress()).isEqualTo("10.0.0.9");
        assertThat(identity.serverPort()).isEqualTo(26379);
    }

    @Test
    void aClusterClientNamesThePoolAfterTheClusterByItsFirstSeedNode() {
        RedisClusterClient client = RedisClusterClient.create(
                RESOURCES, Arrays.asList(RedisURI.create("redis://10.0.0.7:7000"), RedisURI.create("10.0.0.8", 7001)));

        PoolIdentity identity = identityOf(client::connect);

        assertThat(identity.name()).isEqualTo("cluster:10.0.0.7:7000");
        assertThat(identity.serverAddress()).isEqualTo("10.0.0.7");
        assertThat(identity.serverPort()).isEqualTo(7000);
    }

    /** The identity the agent gives the pool when its constructor returns. */
    private static <T extends StatefulConnection<?, ?>> PoolIdentity identityOf(Supplier<T> connections) {
        GenericObjectPool<T> pool =
                ConnectionPoolSupport.createGenericObjectPool(connections, new GenericObjectPoolConfig<T>());
        try {
            return new PoolNamer().identify(pool.getFactory(), RedisClientFamily.LETTUCE, "ConnectionPoolSupport");
        } finally {
            pool.close();
        }
    }
}
