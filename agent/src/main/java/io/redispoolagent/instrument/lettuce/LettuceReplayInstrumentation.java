package io.redispoolagent.instrument.lettuce;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.redispoolagent.instrument.TypeInstrumentation;
import java.util.Collection;
import net.bytebuddy.asm.Advice;

/**
 * Lettuce's replay after a reconnect, in its {@code CommandHandler} (5.3 to 7.7): {@code drainQueue()}
 * hands the endpoint the commands that were written to the lost connection and not answered, which
 * Lettuce then sends again on the next one; {@code exceptionCaught} fails the oldest of them when the
 * connection breaks. See {@link LettuceReplayGuard}.
 */
public final class LettuceReplayInstrumentation {

    public static final TypeInstrumentation COMMAND_HANDLER = TypeInstrumentation.of(
            "io.lettuce.core.protocol.CommandHandler",
            (builder, type) -> builder.visit(Advice.to(DrainQueueAdvice.class)
                            .on(named("drainQueue").and(takesArguments(0))))
                    .visit(Advice.to(ExceptionCaughtAdvice.class)
                            .on(named("exceptionCaught").and(takesArguments(2)))));

    private LettuceReplayInstrumentation() {}

    public static final class DrainQueueAdvice {
        private DrainQueueAdvice() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void onExit(@Advice.This Object handler, @Advice.Return Collection<?> inFlight) {
            LettuceReplayGuard.drained(handler, inFlight);
        }
    }

    /** True skips {@code exceptionCaught}: its oldest in-flight command is kept for Lettuce's replay. */
    public static final class ExceptionCaughtAdvice {
        private ExceptionCaughtAdvice() {}

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        public static boolean onEnter(@Advice.This Object handler, @Advice.Argument(1) Throwable cause) {
            return LettuceReplayGuard.keepForReplay(handler, cause);
        }
    }
}
