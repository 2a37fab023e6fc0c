package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;

/** Hands every new GenericObjectPool to the library, which decides whether it is a Redis pool. */
public final class PoolCreatedAdvice {

    private PoolCreatedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.This Object pool, @Advice.Argument(0) Object factory) {
        AgentRuntime.current().lifecycle().created(pool, factory);
    }
}
