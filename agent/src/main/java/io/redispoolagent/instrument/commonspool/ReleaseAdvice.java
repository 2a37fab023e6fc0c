package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;

/** A connection handed back (returned or invalidated) is no longer a leak suspect. */
public final class ReleaseAdvice {

    private ReleaseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void onEnter(@Advice.Argument(0) Object connection) {
        AgentRuntime.current().events().released(connection);
    }
}
