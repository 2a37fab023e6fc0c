package io.redispoolagent.instrument.jedis.retry;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.DynamicType;

/**
 * The hooks of the retry for Jedis 3 ({@code Jedis} / {@code BinaryJedis}, pooled or not): Jedis 3 has no method every
 * command passes through, but every command is one {@code Connection.sendCommand(cmd, byte[]...)}
 * followed by one of a few reply reads, all declared by {@code redis.clients.jedis.Connection}. See
 * {@link Jedis3ConnectionRetry} for what is retried and how.
 *
 * <p>Woven only into Jedis 3's {@code Connection} ({@link JedisConnectionInstrumentation}).
 */
public final class Jedis3ConnectionInstrumentation {

    /**
     * The reply reads a {@code Jedis} command method ends with. Each flushes the command and reads one
     * reply. Not listed: {@code getBulkReply} and {@code getMultiBulkReply} (they call a listed one),
     * {@code getUnflushedObjectMultiBulkReply} / {@code getRawObjectMultiBulkReply} (pub/sub reads).
     */
    static final String[] REPLY_READS = {
        "getStatusCodeReply",
        "getBinaryBulkReply",
        "getIntegerReply",
        "getBinaryMultiBulkReply",
        "getObjectMultiBulkReply",
        "getIntegerMultiBulkReply",
        "getOne"
    };

    static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder) {
        return builder.visit(Advice.to(SendCommandAdvice.class)
                        .on(named("sendCommand").and(takesArguments(2)).and(takesArgument(1, byte[][].class))))
                .visit(Advice.to(ReplyAdvice.class).on(namedOneOf(REPLY_READS).and(takesArguments(0))))
                .visit(Advice.to(PipelineRepliesAdvice.class)
                        .on(named("getMany").and(takesArguments(1))));
    }

    private Jedis3ConnectionInstrumentation() {}

    /** Remembers the command being sent: what a retry would send again. */
    public static final class SendCommandAdvice {
        private SendCommandAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(
                @Advice.This Object connection, @Advice.Argument(0) Object command, @Advice.Argument(1) byte[][] args) {
            Jedis3ConnectionRetry.sending(connection, command, args);
        }
    }

    /** After a reply read: true runs the read again ({@code repeatOn}), once the command was sent again. */
    public static final class ReplyAdvice {
        private ReplyAdvice() {}

        @Advice.OnMethodExit(
                onThrowable = Throwable.class,
                repeatOn = Advice.OnNonDefaultValue.class,
                suppress = Throwable.class)
        public static boolean onExit(@Advice.This Object connection, @Advice.Thrown Throwable failure) {
            return Jedis3ConnectionRetry.replied(connection, failure);
        }
    }

    /** {@code getMany}: a pipeline's or a transaction's replies, never retried; they end its command run. */
    public static final class PipelineRepliesAdvice {
        private PipelineRepliesAdvice() {}

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void onExit(@Advice.This Object connection) {
            Jedis3ConnectionRetry.pipelineRead(connection);
        }
    }
}
