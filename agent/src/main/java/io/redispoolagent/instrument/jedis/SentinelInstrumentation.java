package io.redispoolagent.instrument.jedis;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.redispoolagent.instrument.TypeInstrumentation;
import io.redispoolagent.pool.SentinelNaming;
import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;

/**
 * Jedis pools behind Redis Sentinel, named after their master: {@code JedisSentinelPool} (3-8) learns
 * its master name in {@code initSentinels} after its pool is built; {@code SentineledConnectionProvider}
 * (4-8) builds a new pool in {@code initMaster} at start and at each failover.
 */
public final class SentinelInstrumentation {

    public static final TypeInstrumentation SENTINEL_POOL = TypeInstrumentation.of(
            "redis.clients.jedis.JedisSentinelPool",
            (builder, type) -> builder.visit(Advice.to(SentinelPoolAdvice.class)
                    .on(named("initSentinels").and(takesArguments(2)).and(takesArgument(1, String.class)))));

    public static final TypeInstrumentation SENTINEL_PROVIDER = TypeInstrumentation.of(
            "redis.clients.jedis.providers.SentineledConnectionProvider",
            (builder, type) -> builder.visit(Advice.to(SentinelProviderAdvice.class)
                    .on(named("initMaster").and(takesArguments(1)))));

    private SentinelInstrumentation() {}

    public static final class SentinelPoolAdvice {
        private SentinelPoolAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(@Advice.This Object sentinelPool, @Advice.Argument(1) String masterName) {
            AgentRuntime.current().lifecycle().sentinelPoolStarting(sentinelPool, masterName);
        }
    }

    public static final class SentinelProviderAdvice {
        private SentinelProviderAdvice() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void onEnter(@Advice.This Object provider) {
            SentinelNaming.enter(provider);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void onExit() {
            SentinelNaming.exit();
        }
    }
}
