package io.redispoolagent.pool;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The Redis clients whose pools the agent manages, recognised by the factory their pools are built with. */
public enum RedisClientFamily {
    JEDIS(
            "redis.clients.jedis.",
            // Jedis 7/8 multi-database failover probes each endpoint through tiny pools of its own
            // (maxTotal 2, by design): they are the client's machinery, not the application's pools.
            Arrays.asList("redis.clients.jedis.mcf.PingStrategy", "redis.clients.jedis.mcf.HealthCheck"),
            "redis.clients.jedis.JedisFactory",
            "redis.clients.jedis.ConnectionFactory",
            "redis.clients.jedis.ShardedJedisPool$ShardedJedisFactory"),
    LETTUCE(
            "io.lettuce.core.",
            Arrays.<String>asList(),
            "io.lettuce.core.support.ConnectionPoolSupport$RedisPooledObjectFactory",
            "io.lettuce.core.support.AsyncConnectionPoolSupport$RedisPooledObjectFactory");

    private final String packagePrefix;
    private final List<String> internalPoolBuilders;
    private final List<String> factoryClassNames;

    RedisClientFamily(String packagePrefix, List<String> internalPoolBuilders, String... factoryClassNames) {
        this.packagePrefix = packagePrefix;
        this.internalPoolBuilders = internalPoolBuilders;
        this.factoryClassNames = Arrays.asList(factoryClassNames);
    }

    /** True when the client built the pool for its own use, as the creation stack shows. */
    boolean isInternalPool(StackTraceElement[] creationStack) {
        for (StackTraceElement frame : creationStack) {
            for (String builder : internalPoolBuilders) {
                if (frame.getClassName().startsWith(builder)) {
                    return true;
                }
            }
        }
        return false;
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean owns(String className) {
        return className.startsWith(packagePrefix);
    }

    /** The family whose pool factory this is (or extends), or null for any other commons-pool2 pool. */
    public static RedisClientFamily ofFactory(Object factory) {
        for (Class<?> type = factory.getClass(); type != null; type = type.getSuperclass()) {
            for (RedisClientFamily family : values()) {
                if (family.factoryClassNames.contains(type.getName())) {
                    return family;
                }
            }
        }
        return null;
    }
}
