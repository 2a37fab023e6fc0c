package io.redispoolagent.pool;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.log.AgentLog;

/** What the agent does when a pool is created; the instrumentation's only way into this package. */
public final class PoolLifecycle {

    private static volatile AgentConfig config;

    private PoolLifecycle() {
    }

    public static void configure(AgentConfig agentConfig) {
        config = agentConfig;
    }

    public static void created(Object pool, Object factory) {
        AgentConfig current = config;
        RedisClientFamily client = current == null ? null : RedisClientFamily.ofFactory(factory);
        if (client == null) {
            return;
        }
        try {
            PoolIdentity identity = PoolIdentity.of(factory, client, new Throwable().getStackTrace());
            PoolSizer.size(pool, identity, current);
        } catch (RuntimeException failure) {
            AgentLog.warnOnce("size:" + pool.getClass().getName(), "could not size a " + client.displayName()
                    + " pool of class " + pool.getClass().getName() + "; it keeps the application's settings", failure);
        }
    }
}
