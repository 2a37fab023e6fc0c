package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;

/** A closed pool leaves the agent's registry (and so its metrics and status). */
public final class PoolClosedAdvice {

    private PoolClosedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void onExit(@Advice.This Object pool) {
        AgentRuntime.current().lifecycle().closed(pool);
    }
}
