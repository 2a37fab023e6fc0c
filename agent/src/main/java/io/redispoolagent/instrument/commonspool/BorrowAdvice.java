package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;

/** Times every borrow, and lets the library adopt a pool built before the agent was attached. */
public final class BorrowAdvice {

    private BorrowAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long onEnter(@Advice.This Object pool) {
        return AgentRuntime.current().events().borrowStarted(pool);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
            @Advice.This Object pool,
            @Advice.Enter long startNanos,
            @Advice.Return Object connection,
            @Advice.Thrown Throwable failure) {
        AgentRuntime.current().events().borrowEnded(pool, startNanos, connection, failure);
    }
}
