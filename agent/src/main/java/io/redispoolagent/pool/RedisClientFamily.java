package io.redispoolagent.pool;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The Redis clients whose pools the agent manages, recognised by the factory their pools are built with. */
public enum RedisClientFamily {
    JEDIS("redis.clients.jedis.",
            "redis.clients.jedis.JedisFactory",
            "redis.clients.jedis.ConnectionFactory",
            "redis.clients.jedis.ShardedJedisPool$ShardedJedisFactory"),
    LETTUCE("io.lettuce.core.",
            "io.lettuce.core.support.ConnectionPoolSupport$RedisPooledObjectFactory");

    private final String packagePrefix;
    private final List<String> factoryClassNames;

    RedisClientFamily(String packagePrefix, String... factoryClassNames) {
        this.packagePrefix = packagePrefix;
        this.factoryClassNames = Arrays.asList(factoryClassNames);
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

    /** The family a class belongs to by its package, or null. */
    static RedisClientFamily ofClassName(String className) {
        for (RedisClientFamily family : values()) {
            if (family.owns(className)) {
                return family;
            }
        }
        return null;
    }
}
