package io.redispoolagent.instrument.jedis.retry;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.redispoolagent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.DynamicType;

/**
 * The hooks of the pooled-{@code Jedis} retry in a Jedis 4–8 {@code redis.clients.jedis.Connection}
 * (see {@link PooledJedisRetry}): the handshake, the typed command, the raw sends, and {@code connect()}.
 */
public final class PooledJedisInstrumentation {

    private static final String PROTOCOL_COMMAND = "redis.clients.jedis.commands.ProtocolCommand";

    /** {@code redis.clients.jedis.util.Pool} (Jedis 3–8), whose {@code getResource()} a {@code JedisPool} borrows through. */
    public static final TypeInstrumentation POOL = TypeInstrumentation.of(
            "redis.clients.jedis.util.Pool",
            (builder, type) -> builder.visit(
                    Advice.to(GetResourceAdvice.class).on(named("getResource").and(takesArguments(0)))));

    private PooledJedisInstrumentation() {}

    static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder) {
        return builder.visit(Advice.to(HandshakeAdvice.class)
                        .on(named("initializeFromClientConfig").and(takesArguments(1))))
                .visit(Advice.to(ExecuteAdvice.class)
                        .on(named("executeCommand")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("redis.clients.jedis.CommandObject")))))
                .visit(Advice.to(RawSendAdvice.class)
                        .on(named("sendCommand").and(takesArguments(1)).and(takesArgument(0, named(PROTOCOL_COMMAND)))))
                .visit(Advice.to(RawSendWithArgumentsAdvice.class)
                        .on(named("sendCommand").and(takesArguments(2)).and(takesArgument(0, named(PROTOCOL_COMMAND)))))
                .visit(Advice.to(ConnectAdvice.class).on(named("connect").and(takesArguments(0))));
    }

    /** Captures the configuration the handshake receives, and marks its own sends as the client's. */
    public static final class HandshakeAdvice {
        private HandshakeAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(@Advice.This Object connection, @Advice.Argument(0) Object clientConfig) {
            PooledJedisRetry.handshakeStarting(connection, clientConfig);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void onExit(@Advice.This Object connection) {
            PooledJedisRetry.handshakeEnded(connection);
        }
    }

    /** Runs the typed command again ({@code repeatOn}) after a reconnect the library decided on. */
    public static final class ExecuteAdvice {
        private ExecuteAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static PooledConnection onEnter(
                @Advice.This Object connection, @Advice.FieldValue("broken") boolean broken) {
            return PooledJedisRetry.executing(connection, broken);
        }

        @Advice.OnMethodExit(
                onThrowable = Throwable.class,
                repeatOn = Advice.OnNonDefaultValue.class,
                suppress = Throwable.class)
        public static boolean onExit(
                @Advice.This Object connection,
                @Advice.Enter PooledConnection state,
                @Advice.Argument(0) Object commandObject,
                @Advice.Thrown Throwable failure) {
            return state != null && PooledJedisRetry.executed(connection, state, failure, commandObject);
        }
    }

    /** {@code sendCommand(ProtocolCommand)}: MULTI, EXEC, DISCARD, UNWATCH, READONLY, MONITOR… */
    public static final class RawSendAdvice {
        private RawSendAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(@Advice.This Object connection, @Advice.Argument(0) Object command) {
            PooledJedisRetry.sendingRaw(connection, command, null);
        }
    }

    /** {@code sendCommand(ProtocolCommand, Rawable | String... | byte[]...)}: WATCH, SELECT, AUTH, CLIENT… */
    public static final class RawSendWithArgumentsAdvice {
        private RawSendWithArgumentsAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(
                @Advice.This Object connection,
                @Advice.Argument(0) Object command,
                @Advice.Argument(1) Object arguments) {
            PooledJedisRetry.sendingRaw(connection, command, arguments);
        }
    }

    /**
     * Refuses to open a socket for a connection whose handshake a failed reconnect lost. Not {@code
     * suppress}ed: throwing is its purpose; the library call itself never throws.
     */
    public static final class ConnectAdvice {
        private ConnectAdvice() {}

        @Advice.OnMethodEnter
        public static void onEnter(@Advice.This Object connection) {
            RuntimeException refused = PooledJedisRetry.connecting(connection);
            if (refused != null) {
                throw refused;
            }
        }
    }

    /**
     * Borrows again ({@code repeatOn}) when a borrow failed before any command was sent. Success without
     * an earlier failure calls nothing.
     */
    public static final class GetResourceAdvice {
        private GetResourceAdvice() {}

        @Advice.OnMethodExit(
                onThrowable = Throwable.class,
                repeatOn = Advice.OnNonDefaultValue.class,
                suppress = Throwable.class)
        public static boolean onExit(
                @Advice.This Object pool,
                @Advice.Thrown Throwable failure,
                @Advice.Local("attempts") int attempts,
                @Advice.Local("startNanos") long startNanos) {
            if (failure == null && attempts == 0) {
                return false;
            }
            if (attempts == 0) {
                startNanos = System.nanoTime();
            }
            if (failure != null) {
                attempts++;
            }
            return PooledJedisRetry.resourceAttempted(pool, failure, attempts, startNanos);
        }
    }
}
