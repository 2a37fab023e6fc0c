package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.pool.PoolEvents;
import net.bytebuddy.asm.Advice;

/** Times the pool's private {@code create}, which makes one connection through the client's factory. */
public final class CreateAdvice {

    private CreateAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long onEnter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.This Object pool, @Advice.Enter long startNanos,
                              @Advice.Return Object created) {
        PoolEvents.creationEnded(pool, startNanos, created);
    }
}
