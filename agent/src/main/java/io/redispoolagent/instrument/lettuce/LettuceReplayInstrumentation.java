package io.redispoolagent.instrument.lettuce;

import io.redispoolagent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.Collection;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Lettuce's replay after a reconnect: {@code CommandHandler.drainQueue()} (5.3 to 7.7) hands the
 * endpoint the commands that were written to the lost connection and not answered, which Lettuce then
 * sends again on the next one. See {@link LettuceReplayGuard}.
 */
public final class LettuceReplayInstrumentation {

    public static final TypeInstrumentation COMMAND_HANDLER = TypeInstrumentation.of(
            "io.lettuce.core.protocol.CommandHandler", (builder, type) -> builder
                    .visit(Advice.to(DrainQueueAdvice.class).on(named("drainQueue").and(takesArguments(0)))));

    private LettuceReplayInstrumentation() {
    }

    public static final class DrainQueueAdvice {
        private DrainQueueAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void onExit(@Advice.This Object handler, @Advice.Return Collection<?> inFlight) {
            LettuceReplayGuard.drained(handler, inFlight);
        }
    }
}
