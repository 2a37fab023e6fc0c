package io.redispoolagent.pool;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.log.AgentLog;
import io.redispoolagent.retry.RetryPolicies;

/**
 * What the agent does when a pool is created, first borrowed from, or closed: the instrumentation's
 * only way into the pool layer. Every method fails open: a failure is logged once and the pool keeps
 * the application's settings.
 */
public final class PoolLifecycle {

    private static final String JEDIS_SENTINEL_POOL = "JedisSentinelPool";

    private final PoolRegistry registry;
    private final PoolSizer sizer;
    private final AsyncPoolSizer asyncSizer;
    private final PoolNamer namer = new PoolNamer();

    public PoolLifecycle(AgentConfig config, PoolRegistry registry, RetryPolicies retry) {
        this.registry = registry;
        this.sizer = new PoolSizer(config, retry);
        this.asyncSizer = new AsyncPoolSizer(config, retry);
    }

    /** A GenericObjectPool's constructor has finished. */
    public void created(Object pool, Object factory) {
        register(pool, factory, false);
    }

    /**
     * A {@code JedisSentinelPool} is about to ask its sentinels for {@code masterName}. Its pool was
     * built a moment earlier but left unsized: only now is the name it should carry known.
     */
    public void sentinelPoolStarting(Object sentinelPool, String masterName) {
        // Jedis 4+: the sentinel pool is the GenericObjectPool; Jedis 3: it holds one in internalPool.
        Object pool = CommonsPoolAccess.factoryOf(sentinelPool) != null
                ? sentinelPool
                : JedisClasses.INTERNAL_POOL.read(sentinelPool);
        Object factory = pool == null ? null : CommonsPoolAccess.factoryOf(pool);
        if (factory == null || registry.lookup(pool) != null) {
            return;
        }
        try {
            PoolIdentity identity = namer.identifySentinel(factory, masterName, JEDIS_SENTINEL_POOL);
            remember(pool, sizer.size(pool, identity, ""));
        } catch (RuntimeException failure) {
            giveUp(pool, RedisClientFamily.JEDIS, failure);
        }
    }

    /** A Lettuce BoundedAsyncPool is about to be built with {@code poolConfig}; returns the config to build it with. */
    public AsyncPoolPlan asyncPoolCreating(Object factory, Object poolConfig) {
        if (RedisClientFamily.ofFactory(factory) != RedisClientFamily.LETTUCE) {
            return null;
        }
        try {
            String kind = CreationSite.clientApi(
                    new Throwable().getStackTrace(), RedisClientFamily.LETTUCE, "BoundedAsyncPool");
            return asyncSizer.plan(poolConfig, namer.identify(factory, RedisClientFamily.LETTUCE, kind));
        } catch (RuntimeException failure) {
            AgentLog.warnOnce(
                    "size:async", "could not size a Lettuce async pool; it keeps the application's settings", failure);
            return null;
        }
    }

    /** The Lettuce BoundedAsyncPool planned by {@link #asyncPoolCreating} now exists. */
    public void asyncPoolCreated(Object pool, AsyncPoolPlan plan) {
        if (plan != null) {
            remember(pool, plan.record());
        }
    }

    /**
     * A borrow is starting; returns the pool's record (null when it cannot be registered). A pool the
     * agent has not seen was built before the agent was attached: it is adopted and sized now. Known
     * pools cost one lock-free lookup.
     */
    PoolRecord borrowing(Object pool) {
        PoolRecord record = registry.lookup(pool);
        if (record == null) {
            adopt(pool);
            record = registry.lookup(pool);
        }
        return record;
    }

    public void closed(Object pool) {
        PoolRecord record = registry.forget(pool);
        if (record != null && record.isRedis()) {
            AgentLog.debug("pool " + record.identity() + " closed");
        }
    }

    /** Synchronized so that threads racing into the first borrow size the pool once. */
    private synchronized void adopt(Object pool) {
        if (registry.lookup(pool) == null && !CommonsPoolAccess.isClosed(pool)) {
            register(pool, CommonsPoolAccess.factoryOf(pool), true);
        }
    }

    private void register(Object pool, Object factory, boolean adopted) {
        RedisClientFamily client = factory == null ? null : RedisClientFamily.ofFactory(factory);
        StackTraceElement[] stack = client == null ? null : new Throwable().getStackTrace();
        if (client == null || client.isInternalPool(stack)) {
            registry.remember(pool, PoolRecord.NOT_REDIS);
            return;
        }
        try {
            String master = SentinelNaming.currentMaster();
            String kind =
                    master != null ? "SentineledConnectionProvider" : CreationSite.clientApi(stack, client, "pool");
            if (!adopted && master == null && JEDIS_SENTINEL_POOL.equals(kind)) {
                return;
            }
            PoolIdentity identity = master != null
                    ? namer.identifySentinel(factory, master, kind)
                    : namer.identify(factory, client, kind);
            remember(pool, sizer.size(pool, identity, adopted ? ", adopted at its first borrow after attach" : ""));
        } catch (RuntimeException failure) {
            giveUp(pool, client, failure);
        }
    }

    private void remember(Object pool, PoolRecord record) {
        registry.remember(pool, record == null ? PoolRecord.NOT_REDIS : record);
    }

    private void giveUp(Object pool, RedisClientFamily client, RuntimeException failure) {
        registry.remember(pool, PoolRecord.NOT_REDIS);
        AgentLog.warnOnce(
                "size:" + pool.getClass().getName(),
                "could not size a " + client.displayName() + " pool of class "
                        + pool.getClass().getName() + "; it keeps the application's settings",
                failure);
    }
}
