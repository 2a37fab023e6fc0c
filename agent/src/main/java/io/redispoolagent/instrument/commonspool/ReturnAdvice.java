package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.runtime.AgentRuntime;
import java.time.Duration;
import net.bytebuddy.asm.Advice;

/**
 * Use time, as commons-pool2 itself measures it when a connection comes back ({@code updateStatsReturn}):
 * a long of milliseconds in 2.4-2.10, a Duration from 2.11.
 */
public final class ReturnAdvice {

    private ReturnAdvice() {}

    public static final class Millis {
        private Millis() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(@Advice.This Object pool, @Advice.Argument(0) long usedMillis) {
            AgentRuntime.current().events().returnedAfterMillis(pool, usedMillis);
        }
    }

    public static final class Timed {
        private Timed() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(@Advice.This Object pool, @Advice.Argument(0) Duration used) {
            AgentRuntime.current().events().returnedAfter(pool, used);
        }
    }
}
