package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.pool.PoolEvents;
import net.bytebuddy.asm.Advice;

/** Times every borrow, and lets the library adopt a pool built before the agent was attached. */
public final class BorrowAdvice {

    private BorrowAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long onEnter(@Advice.This Object pool) {
        return PoolEvents.borrowStarted(pool);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
            @Advice.This Object pool,
            @Advice.Enter long startNanos,
            @Advice.Return Object connection,
            @Advice.Thrown Throwable failure) {
        PoolEvents.borrowEnded(pool, startNanos, connection, failure);
    }
}
