package io.redispoolagent.pool;

import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Versions;

/**
 * The Jedis classes around its pools that the agent reads (it does not link against Jedis): the
 * endpoint a pool's factory connects to, the pool Jedis 3 wraps, and the Jedis 4–8 command executor
 * and connection providers through which {@code UnifiedJedis} and Sentinel borrow.
 */
public final class JedisClasses {

    static final ClientType HOST_AND_PORT = ClientType.of("jedis", "redis.clients.jedis.HostAndPort", Versions.ALL);
    static final ClientMember HOST = HOST_AND_PORT.method("getHost", Object.class);
    static final ClientMember PORT = HOST_AND_PORT.method("getPort", int.class);

    static final ClientType CLIENT_CONFIG =
            ClientType.of("jedis", "redis.clients.jedis.JedisClientConfig", Versions.ALL);
    static final ClientMember DATABASE = CLIENT_CONFIG.method("getDatabase", int.class);

    /** Jedis 3's {@code JedisPool} and {@code JedisSentinelPool} wrap their commons-pool2 pool. */
    static final ClientType POOL_3 = ClientType.of("jedis", "redis.clients.jedis.util.Pool", Versions.before("4"));

    static final ClientMember INTERNAL_POOL = POOL_3.field("internalPool", Object.class);

    public static final ClientType JEDIS_POOL = ClientType.of("jedis", "redis.clients.jedis.JedisPool", Versions.ALL);
    public static final ClientType JEDIS_SENTINEL_POOL =
            ClientType.of("jedis", "redis.clients.jedis.JedisSentinelPool", Versions.ALL);

    static final ClientType DEFAULT_EXECUTOR =
            ClientType.of("jedis", "redis.clients.jedis.executors.DefaultCommandExecutor", Versions.from("4"));
    private static final ClientMember PROVIDER = DEFAULT_EXECUTOR.field("provider", Object.class);

    public static final ClientType POOLED_PROVIDER =
            ClientType.of("jedis", "redis.clients.jedis.providers.PooledConnectionProvider", Versions.from("4"));
    private static final ClientMember PROVIDER_POOL = POOLED_PROVIDER.method("getPool", Object.class);

    public static final ClientType SENTINEL_PROVIDER =
            ClientType.of("jedis", "redis.clients.jedis.providers.SentineledConnectionProvider", Versions.from("4"));
    private static final ClientMember MASTER_NAME = SENTINEL_PROVIDER.field("masterName", Object.class);

    private JedisClasses() {}

    /** The connection provider of a {@code DefaultCommandExecutor}, or null. */
    public static Object provider(Object executor) {
        return PROVIDER.read(executor);
    }

    /** The pool of a {@code PooledConnectionProvider}, or null. */
    public static Object poolOf(Object pooledProvider) {
        return PROVIDER_POOL.read(pooledProvider);
    }

    /** The master a {@code SentineledConnectionProvider} follows, or null. */
    static Object masterName(Object sentinelProvider) {
        return MASTER_NAME.read(sentinelProvider);
    }
}
