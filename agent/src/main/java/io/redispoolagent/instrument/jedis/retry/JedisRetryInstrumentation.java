package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Retry for Jedis 4–8 {@code UnifiedJedis} clients: {@code DefaultCommandExecutor.executeCommand(
 * CommandObject)} (see {@link JedisCommandRetry} for why there and nowhere else).
 *
 * <p><b>Not retried, by decision: {@code Jedis} objects borrowed from a {@code JedisPool} / {@code
 * JedisSentinelPool} (Jedis 3–8), the legacy {@code try (Jedis j = pool.getResource()) { j.get(k); }}.</b>
 * Such a {@code Jedis} owns one connection for the whole borrow, and a retry would have to reuse it:
 * <ul>
 *   <li>Jedis 3.x: {@code Connection.broken} is set on every socket error and never cleared ({@code
 *       connect()} does not reset it), so every later command on that {@code Jedis} fails at once with
 *       "Attempting to read from a broken connection"; re-running the method cannot recover.</li>
 *   <li>Jedis 4–8: {@code connect()} clears {@code broken} only when the socket is closed, and the
 *       client-configuration handshake ({@code initializeFromClientConfig}: AUTH/HELLO, SELECT of the
 *       configured database, CLIENT SETNAME/SETINFO) runs only from the constructor in 4.x (private), so
 *       a reconnect would come up unauthenticated and on database 0.</li>
 *   <li>Even where the handshake could be replayed, the connection carries session state the agent
 *       cannot see or rebuild exactly: a {@code SELECT} the application made ({@code Jedis.select} just
 *       records {@code db}; the pool factory re-selects the configured database only at the next borrow),
 *       a {@code WATCH} (a retried read after a reconnect silently drops it, and the following
 *       MULTI/EXEC would commit without its guard: a lost update), {@code CLIENT TRACKING}, {@code CLIENT
 *       REPLY}, RESP3 {@code HELLO}, {@code READONLY}, an {@code AUTH} the application sent itself.</li>
 * </ul>
 * A retry there would run the command on the wrong database or outside the caller's WATCH: a
 * correctness bug, worse than the error it hides. So commands on such objects are not retried; the
 * broken {@code Jedis} goes back through {@code returnBrokenResource} as without the agent, and the
 * application's next borrow gets a working connection.
 *
 * <p>Also not retried: {@code JedisCluster} / {@code RedisClusterClient} ({@code ClusterCommandExecutor})
 * and {@code RetryableCommandExecutor}, which retry connection failures themselves.
 */
public final class JedisRetryInstrumentation {

    public static final TypeInstrumentation COMMAND_EXECUTOR = TypeInstrumentation.of(
            "redis.clients.jedis.executors.DefaultCommandExecutor", (builder, type) -> builder.visit(
                    Advice.to(ExecuteCommandAdvice.class).on(named("executeCommand").and(takesArguments(1))
                            .and(takesArgument(0, named("redis.clients.jedis.CommandObject"))))));

    private JedisRetryInstrumentation() {
    }
}
