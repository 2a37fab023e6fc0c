package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;

/** Times every borrow, and lets the library adopt a pool built before the agent was attached. */
public final class BorrowAdvice {

    private BorrowAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static PoolRecord onEnter(@Advice.This Object pool, @Advice.Local("startNanos") long startNanos) {
        PoolRecord record = AgentRuntime.current().events().borrowStarted(pool);
        startNanos = System.nanoTime();
        return record;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(
            @Advice.Enter PoolRecord record,
            @Advice.Local("startNanos") long startNanos,
            @Advice.Return Object connection,
            @Advice.Thrown Throwable failure) {
        AgentRuntime.current().events().borrowEnded(record, startNanos, connection, failure);
    }
}
