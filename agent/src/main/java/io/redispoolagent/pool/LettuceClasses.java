package io.redispoolagent.pool;

import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Versions;

/**
 * The Lettuce classes the pool layer reads and builds (the agent does not link against Lettuce): the
 * clients and the {@code RedisURI} a pool connects to, the {@code BoundedAsyncPool}'s live counts, and the
 * immutable {@code BoundedPoolConfig} it is built with, through its builder. The same in Lettuce 5.3 to 7.7.
 */
final class LettuceClasses {

    static final ClientType REDIS_URI = ClientType.of("lettuce-core", "io.lettuce.core.RedisURI", Versions.ALL);
    static final ClientMember URI_HOST = REDIS_URI.method("getHost", Object.class);
    static final ClientMember URI_PORT = REDIS_URI.method("getPort", int.class);
    static final ClientMember URI_DATABASE = REDIS_URI.method("getDatabase", int.class);
    static final ClientMember URI_SENTINEL_MASTER = REDIS_URI.method("getSentinelMasterId", Object.class);
    static final ClientMember URI_SENTINELS = REDIS_URI.method("getSentinels", Object.class);

    /** No getter exposes a client's URIs: they are read from the fields its constructors set. */
    static final ClientType REDIS_CLIENT = ClientType.of("lettuce-core", "io.lettuce.core.RedisClient", Versions.ALL);

    static final ClientMember CLIENT_URI = REDIS_CLIENT.field("redisURI", Object.class);

    static final ClientType CLUSTER_CLIENT =
            ClientType.of("lettuce-core", "io.lettuce.core.cluster.RedisClusterClient", Versions.ALL);
    static final ClientMember CLUSTER_SEEDS = CLUSTER_CLIENT.field("initialUris", Object.class);

    static final ClientType ASYNC_POOL =
            ClientType.of("lettuce-core", "io.lettuce.core.support.BoundedAsyncPool", Versions.ALL);
    private static final ClientMember POOL_OBJECTS = ASYNC_POOL.method("getObjectCount", int.class);
    private static final ClientMember POOL_IDLE = ASYNC_POOL.method("getIdle", int.class);
    private static final ClientMember POOL_MAX_TOTAL = ASYNC_POOL.method("getMaxTotal", int.class);
    private static final ClientMember POOL_MAX_IDLE = ASYNC_POOL.method("getMaxIdle", int.class);
    private static final ClientMember POOL_MIN_IDLE = ASYNC_POOL.method("getMinIdle", int.class);

    static final ClientType CONFIG =
            ClientType.of("lettuce-core", "io.lettuce.core.support.BoundedPoolConfig", Versions.ALL);
    static final ClientMember CONFIG_MAX_TOTAL = CONFIG.method("getMaxTotal", int.class);
    static final ClientMember CONFIG_MAX_IDLE = CONFIG.method("getMaxIdle", int.class);
    static final ClientMember CONFIG_MIN_IDLE = CONFIG.method("getMinIdle", int.class);
    private static final ClientMember NEW_BUILDER = CONFIG.staticMethod("builder");
    /** The health checks a rebuilt config keeps: {@code isTestOnCreate()} is copied to {@code testOnCreate(boolean)}. */
    private static final String[] TESTS = {"TestOnCreate", "TestOnAcquire", "TestOnRelease"};

    private static final ClientMember[] CONFIG_TESTS = new ClientMember[TESTS.length];

    static final ClientType CONFIG_BUILDER =
            ClientType.of("lettuce-core", "io.lettuce.core.support.BoundedPoolConfig$Builder", Versions.ALL);
    private static final ClientMember BUILDER_MAX_TOTAL = CONFIG_BUILDER.method("maxTotal", void.class, int.class);
    private static final ClientMember BUILDER_MAX_IDLE = CONFIG_BUILDER.method("maxIdle", void.class, int.class);
    private static final ClientMember BUILDER_MIN_IDLE = CONFIG_BUILDER.method("minIdle", void.class, int.class);
    private static final ClientMember BUILD = CONFIG_BUILDER.method("build", Object.class);
    private static final ClientMember[] BUILDER_TESTS = new ClientMember[TESTS.length];

    static {
        for (int i = 0; i < TESTS.length; i++) {
            CONFIG_TESTS[i] = CONFIG.method("is" + TESTS[i], boolean.class);
            BUILDER_TESTS[i] = CONFIG_BUILDER.method(
                    Character.toLowerCase(TESTS[i].charAt(0)) + TESTS[i].substring(1), void.class, boolean.class);
        }
    }

    private LettuceClasses() {}

    /** Acquire never waits in this pool, so nothing is ever pending. */
    static PoolGauges gauges(Object pool) {
        int all = POOL_OBJECTS.readInt(pool, 0);
        int idle = POOL_IDLE.readInt(pool, 0);
        return new PoolGauges(
                Math.max(0, all - idle),
                idle,
                POOL_MAX_TOTAL.readInt(pool, 0),
                POOL_MAX_IDLE.readInt(pool, 0),
                POOL_MIN_IDLE.readInt(pool, 0),
                0);
    }

    /** A copy of {@code config} with other sizes and the same health checks. */
    static Object resized(Object config, int maxTotal, int maxIdle, int minIdle) {
        Object builder = NEW_BUILDER.require(config.getClass()).invoke();
        BUILDER_MAX_TOTAL.require(builder.getClass()).invokeWith(builder, maxTotal);
        BUILDER_MAX_IDLE.require(builder.getClass()).invokeWith(builder, maxIdle);
        BUILDER_MIN_IDLE.require(builder.getClass()).invokeWith(builder, minIdle);
        for (int i = 0; i < TESTS.length; i++) {
            BUILDER_TESTS[i]
                    .require(builder.getClass())
                    .invokeWith(builder, CONFIG_TESTS[i].readBoolean(config, false));
        }
        return BUILD.require(builder.getClass()).invoke(builder);
    }

    /** An int getter of the config; throws when it has none, since the pool then cannot be sized. */
    static int size(ClientMember getter, Object config) {
        return getter.require(config.getClass()).invokeForInt(config);
    }
}
