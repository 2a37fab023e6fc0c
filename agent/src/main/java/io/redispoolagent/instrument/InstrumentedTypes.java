package io.redispoolagent.instrument;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of the classes the agent instruments, for the start-up gate and Byte Buddy's ignore rule:
 * plain strings, so that checking a class name never loads {@link Instrumentations} or Byte Buddy. A
 * test keeps them equal to the names in {@link Instrumentations#ALL}.
 */
final class InstrumentedTypes {

    static final Set<String> NAMES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "org.apache.commons.pool2.impl.GenericObjectPool",
            "org.apache.commons.pool2.impl.BaseGenericObjectPool",
            "redis.clients.jedis.JedisSentinelPool",
            "redis.clients.jedis.providers.SentineledConnectionProvider",
            "io.lettuce.core.support.BoundedAsyncPool",
            "redis.clients.jedis.executors.DefaultCommandExecutor",
            "redis.clients.jedis.Connection",
            "redis.clients.jedis.util.Pool",
            "io.lettuce.core.protocol.CommandHandler")));

    private static final Set<String> INTERNAL_NAMES;

    static {
        Set<String> internal = new HashSet<>();
        for (String name : NAMES) {
            internal.add(name.replace('.', '/'));
        }
        INTERNAL_NAMES = Collections.unmodifiableSet(internal);
    }

    private InstrumentedTypes() {}

    /** For a {@code ClassFileTransformer}, which sees names such as {@code org/apache/commons/pool2/...}. */
    static boolean isInstrumented(String internalName) {
        return internalName != null && INTERNAL_NAMES.contains(internalName);
    }
}
