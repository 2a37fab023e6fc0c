package io.redispoolagent.instrument.jedis.retry;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.redispoolagent.instrument.TypeInstrumentation;

/**
 * {@code redis.clients.jedis.Connection}, which keeps its name from Jedis 3 to 8 but not its role:
 * Jedis 3's has no {@code executeCommand} and is retried at its sends and reply reads ({@link
 * Jedis3ConnectionInstrumentation}); from Jedis 4 on every typed command is {@code
 * executeCommand(CommandObject)}, the hook of the pooled-{@code Jedis} retry ({@link
 * PooledJedisInstrumentation}).
 */
public final class JedisConnectionInstrumentation {

    public static final TypeInstrumentation CONNECTION = TypeInstrumentation.of(
            "redis.clients.jedis.Connection",
            (builder, type) ->
                    type.getDeclaredMethods().filter(named("executeCommand")).isEmpty()
                            ? Jedis3ConnectionInstrumentation.weave(builder)
                            : PooledJedisInstrumentation.weave(builder));

    private JedisConnectionInstrumentation() {}
}
