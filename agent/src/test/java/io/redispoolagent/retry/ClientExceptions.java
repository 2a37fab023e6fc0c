package io.redispoolagent.retry;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;

/**
 * Exceptions with the client libraries' real class names and hierarchy, made at run time, as the
 * classifier only reads names: a test chooses any exception without building the client state that
 * throws it. Each class is defined in a loader of its own, child first, since the real Lettuce is on the
 * tests' classpath too (the pool naming tests build real Lettuce clients).
 */
final class ClientExceptions {

    private static final String JEDIS = "redis.clients.jedis.exceptions.";
    private static final String LETTUCE = "io.lettuce.core.";
    private static final Map<String, String> PARENTS = new HashMap<>();
    private static final Map<String, Class<?>> TYPES = new HashMap<>();

    static {
        PARENTS.put(JEDIS + "JedisException", RuntimeException.class.getName());
        PARENTS.put(JEDIS + "JedisConnectionException", JEDIS + "JedisException");
        PARENTS.put(JEDIS + "JedisDataException", JEDIS + "JedisException");
        PARENTS.put(JEDIS + "JedisExhaustedPoolException", JEDIS + "JedisException");
        PARENTS.put(JEDIS + "JedisClusterOperationException", JEDIS + "JedisException");
        PARENTS.put(JEDIS + "JedisRedirectionException", JEDIS + "JedisDataException");
        PARENTS.put(JEDIS + "JedisMovedDataException", JEDIS + "JedisRedirectionException");
        PARENTS.put(JEDIS + "JedisAskDataException", JEDIS + "JedisRedirectionException");
        PARENTS.put(JEDIS + "JedisNoScriptException", JEDIS + "JedisDataException");
        PARENTS.put(JEDIS + "JedisNoReachableClusterNodeException", JEDIS + "JedisConnectionException");
        PARENTS.put(LETTUCE + "RedisException", RuntimeException.class.getName());
        PARENTS.put(LETTUCE + "RedisConnectionException", LETTUCE + "RedisException");
        PARENTS.put(LETTUCE + "RedisCommandTimeoutException", LETTUCE + "RedisException");
        PARENTS.put(LETTUCE + "RedisCommandInterruptedException", LETTUCE + "RedisException");
        PARENTS.put(LETTUCE + "RedisCommandExecutionException", LETTUCE + "RedisException");
        PARENTS.put(LETTUCE + "RedisLoadingException", LETTUCE + "RedisCommandExecutionException");
        PARENTS.put(LETTUCE + "RedisBusyException", LETTUCE + "RedisCommandExecutionException");
    }

    private ClientExceptions() {}

    static RuntimeException jedis(String simpleName, String message) {
        return jedis(simpleName, message, null);
    }

    static RuntimeException jedis(String simpleName, String message, Throwable cause) {
        return create(JEDIS + simpleName, message, cause);
    }

    static RuntimeException lettuce(String simpleName, String message) {
        return lettuce(simpleName, message, null);
    }

    static RuntimeException lettuce(String simpleName, String message, Throwable cause) {
        return create(LETTUCE + simpleName, message, cause);
    }

    private static RuntimeException create(String name, String message, Throwable cause) {
        try {
            return (RuntimeException)
                    type(name).getConstructor(String.class, Throwable.class).newInstance(message, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Class<?> type(String name) {
        Class<?> type = TYPES.get(name);
        if (type == null) {
            String parentName = PARENTS.get(name);
            if (parentName == null) {
                throw new IllegalArgumentException(name);
            }
            Class<?> parent =
                    parentName.equals(RuntimeException.class.getName()) ? RuntimeException.class : type(parentName);
            type = new ByteBuddy()
                    .subclass(parent, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_PUBLIC)
                    .name(name)
                    .make()
                    .load(
                            parent == RuntimeException.class
                                    ? ClientExceptions.class.getClassLoader()
                                    : parent.getClassLoader(),
                            ClassLoadingStrategy.Default.CHILD_FIRST)
                    .getLoaded();
            TYPES.put(name, type);
        }
        return type;
    }
}
