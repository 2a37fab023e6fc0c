package io.redispoolagent.pool;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.log.AgentLog;

import java.lang.reflect.Method;

/** What the agent does when a pool is created, first borrowed from, or closed: the instrumentation's way in. */
public final class PoolLifecycle {

    private static final PoolTable<PoolRecord> POOLS = new PoolTable<>();
    private static volatile AgentConfig config;

    private PoolLifecycle() {
    }

    public static void configure(AgentConfig agentConfig) {
        config = agentConfig;
    }

    /** A GenericObjectPool's constructor has finished. */
    public static void created(Object pool, Object factory) {
        register(pool, factory, "");
    }

    /**
     * A borrow is starting. A pool the agent has not seen was built before the agent was attached:
     * it is adopted and sized now. Known pools cost one lock-free lookup.
     */
    public static void borrowing(Object pool) {
        if (POOLS.get(pool) == null) {
            adopt(pool);
        }
    }

    /** Synchronized so that threads racing into the first borrow size the pool once. */
    private static synchronized void adopt(Object pool) {
        if (POOLS.get(pool) == null && !Boolean.TRUE.equals(call(pool, "isClosed"))) {
            register(pool, call(pool, "getFactory"), ", adopted at its first borrow after attach");
        }
    }

    public static void closed(Object pool) {
        PoolRecord record = POOLS.remove(pool);
        if (record != null && record.isRedis()) {
            AgentLog.debug("pool " + record.identity() + " closed");
        }
    }

    /** The record of a live pool, or null when the pool is unknown or not a Redis pool. */
    public static PoolRecord recordOf(Object pool) {
        PoolRecord record = POOLS.get(pool);
        return record != null && record.isRedis() ? record : null;
    }

    private static void register(Object pool, Object factory, String how) {
        AgentConfig current = config;
        RedisClientFamily client = current == null || factory == null ? null : RedisClientFamily.ofFactory(factory);
        if (client == null) {
            POOLS.putIfAbsent(pool, PoolRecord.NOT_REDIS);
            return;
        }
        try {
            PoolIdentity identity = PoolIdentity.of(factory, client, new Throwable().getStackTrace());
            PoolRecord record = PoolSizer.size(pool, identity, current, how);
            POOLS.putIfAbsent(pool, record == null ? PoolRecord.NOT_REDIS : record);
        } catch (RuntimeException failure) {
            POOLS.putIfAbsent(pool, PoolRecord.NOT_REDIS);
            AgentLog.warnOnce("size:" + pool.getClass().getName(), "could not size a " + client.displayName()
                    + " pool of class " + pool.getClass().getName() + "; it keeps the application's settings", failure);
        }
    }

    private static Object call(Object pool, String getter) {
        try {
            Method method = pool.getClass().getMethod(getter);
            return method.invoke(pool);
        } catch (ReflectiveOperationException | RuntimeException absent) {
            return null;
        }
    }
}
