package io.redispoolagent.instrument.jedis.retry;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.redispoolagent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

/**
 * Retry for Jedis 4–8 {@code UnifiedJedis} clients: {@code DefaultCommandExecutor.executeCommand(
 * CommandObject)} (see {@link JedisCommandRetry} for why there and nowhere else).
 *
 * <p><b>Not retried, by decision: {@code Jedis} objects borrowed from a {@code JedisPool} / {@code
 * JedisSentinelPool} in Jedis 4–8</b>, the legacy {@code try (Jedis j = pool.getResource()) { j.get(k); }}.
 * (Jedis 3's are retried at the connection: {@link Jedis3ConnectionInstrumentation}.) Such a {@code Jedis}
 * owns one connection for the whole borrow, and a retry would have to reconnect it:
 * <ul>
 *   <li>the client-configuration handshake ({@code initializeFromClientConfig}: AUTH/HELLO, SELECT of the
 *       configured database, CLIENT SETNAME/SETINFO) runs only from the constructor, privately in 4.x, and
 *       the connection keeps no copy of its configuration before 7.x, so a reconnect would come up
 *       unauthenticated and on database 0;</li>
 *   <li>a {@code SELECT} the application made is recorded by the {@code Jedis}, not its connection, and
 *       the pool factory re-selects the configured database only at the next borrow.</li>
 * </ul>
 * A retry there would run the command on the wrong database or unauthenticated: a correctness bug, worse
 * than the error it hides. So commands on such objects are not retried; the broken {@code Jedis} goes
 * back through {@code returnBrokenResource} as without the agent, and the application's next borrow gets
 * a working connection.
 *
 * <p>Also not retried: {@code JedisCluster} / {@code RedisClusterClient} ({@code ClusterCommandExecutor})
 * and {@code RetryableCommandExecutor}, which retry connection failures themselves.
 */
public final class JedisRetryInstrumentation {

    public static final TypeInstrumentation COMMAND_EXECUTOR = TypeInstrumentation.of(
            "redis.clients.jedis.executors.DefaultCommandExecutor",
            (builder, type) -> builder.visit(Advice.to(ExecuteCommandAdvice.class)
                    .on(named("executeCommand")
                            .and(takesArguments(1))
                            .and(takesArgument(0, named("redis.clients.jedis.CommandObject"))))));

    private JedisRetryInstrumentation() {}
}
