package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.pool.PoolLifecycle;
import net.bytebuddy.asm.Advice;

/** Lets the library adopt a pool that was built before the agent was attached. */
public final class BorrowAdvice {

    private BorrowAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.This Object pool) {
        PoolLifecycle.borrowing(pool);
    }
}
