package io.redispoolagent.instrument.lettuce;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.redispoolagent.instrument.TypeInstrumentation;
import io.redispoolagent.pool.AsyncPoolPlan;
import io.redispoolagent.runtime.AgentRuntime;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Lettuce's {@code BoundedAsyncPool}: its sizes are final fields copied from an immutable config, so
 * the config argument of the constructor every other one ends in, (factory, config, createIdle), is replaced.
 */
public final class BoundedAsyncPoolInstrumentation {

    public static final TypeInstrumentation ASYNC_POOL = TypeInstrumentation.of(
            "io.lettuce.core.support.BoundedAsyncPool",
            (builder, type) -> builder.visit(Advice.to(ConstructorAdvice.class)
                            .on(isConstructor().and(takesArguments(3))))
                    .visit(Advice.to(AcquireAdvice.class).on(named("acquire").and(takesArguments(0))))
                    .visit(Advice.to(ClosedAdvice.class).on(named("closeAsync").and(takesArguments(0)))));

    private BoundedAsyncPoolInstrumentation() {}

    public static final class AcquireAdvice {
        private AcquireAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long onEnter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void onExit(
                @Advice.This Object pool, @Advice.Enter long startNanos, @Advice.Return CompletableFuture<?> acquired) {
            AgentRuntime.current().events().asyncAcquired(pool, startNanos, acquired);
        }
    }

    public static final class ClosedAdvice {
        private ClosedAdvice() {}

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void onExit(@Advice.This Object pool) {
            AgentRuntime.current().lifecycle().closed(pool);
        }
    }

    public static final class ConstructorAdvice {
        private ConstructorAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static AsyncPoolPlan onEnter(
                @Advice.Argument(0) Object factory,
                @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object poolConfig) {
            AsyncPoolPlan plan = AgentRuntime.current().lifecycle().asyncPoolCreating(factory, poolConfig);
            if (plan != null) {
                poolConfig = plan.config();
            }
            return plan;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void onExit(@Advice.This Object pool, @Advice.Enter AsyncPoolPlan plan) {
            AgentRuntime.current().lifecycle().asyncPoolCreated(pool, plan);
        }
    }
}
