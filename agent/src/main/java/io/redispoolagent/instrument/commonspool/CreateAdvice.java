package io.redispoolagent.instrument.commonspool;

import io.redispoolagent.instrument.jedis.retry.PooledJedisRetry;
import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;

/**
 * The pool's private {@code create}, which makes one connection through the client's factory: timed,
 * and a Jedis 4–8 {@code Jedis} it made is handed to the pooled-Jedis retry.
 */
public final class CreateAdvice {

    private CreateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long onEnter() {
        return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void onExit(@Advice.This Object pool, @Advice.Enter long startNanos, @Advice.Return Object created) {
        AgentRuntime.current().events().creationEnded(pool, startNanos, created);
        PooledJedisRetry.created(pool, created);
    }
}
