package io.redispoolagent.instrument;

import io.redispoolagent.instrument.commonspool.GenericObjectPoolInstrumentation;
import io.redispoolagent.instrument.jedis.SentinelInstrumentation;
import io.redispoolagent.instrument.jedis.retry.JedisConnectionInstrumentation;
import io.redispoolagent.instrument.jedis.retry.JedisRetryInstrumentation;
import io.redispoolagent.instrument.jedis.retry.PooledJedisInstrumentation;
import io.redispoolagent.instrument.lettuce.BoundedAsyncPoolInstrumentation;
import io.redispoolagent.instrument.lettuce.LettuceReplayInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every class the agent instruments, each with its advice. A class of its own so that it, and the
 * Byte Buddy types its members name, load only when the first instrumented class does; the start-up
 * gate reads the names from {@link InstrumentedTypes} instead.
 */
final class Instrumentations {

    static final List<TypeInstrumentation> ALL = Collections.unmodifiableList(Arrays.asList(
            GenericObjectPoolInstrumentation.POOL,
            GenericObjectPoolInstrumentation.BASE_POOL,
            SentinelInstrumentation.SENTINEL_POOL,
            SentinelInstrumentation.SENTINEL_PROVIDER,
            JedisRetryInstrumentation.COMMAND_EXECUTOR,
            JedisConnectionInstrumentation.CONNECTION,
            PooledJedisInstrumentation.POOL,
            BoundedAsyncPoolInstrumentation.ASYNC_POOL,
            LettuceReplayInstrumentation.COMMAND_HANDLER));

    private Instrumentations() {}
}
