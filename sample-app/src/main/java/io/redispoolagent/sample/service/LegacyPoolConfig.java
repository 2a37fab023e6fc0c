package io.redispoolagent.sample.service;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The pool settings the sample app uses on purpose: what tutorials copy. commons-pool2 defaults (maxTotal 8,
 * maxIdle 8, minIdle 0) with a 500 ms maxWait, so that under load borrowers time out and the service answers 503.
 * This is what the agent is meant to fix without a code change.
 */
public final class LegacyPoolConfig {
    /** The only setting changed from the defaults. */
    public static final Duration MAX_WAIT = Duration.ofMillis(500);

    private LegacyPoolConfig() {}

    /** {@code new JedisPoolConfig()} plus {@code setMaxWait(500 ms)}. */
    public static JedisPoolConfig jedis() {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxWait(MAX_WAIT);
        return config;
    }

    /** {@code new GenericObjectPoolConfig<>()} plus {@code setMaxWait(500 ms)}, for Lettuce's ConnectionPoolSupport. */
    public static GenericObjectPoolConfig<StatefulRedisConnection<String, String>> lettuce() {
        GenericObjectPoolConfig<StatefulRedisConnection<String, String>> config = new GenericObjectPoolConfig<>();
        config.setMaxWait(MAX_WAIT);
        return config;
    }

    /**
     * "maxTotal=8 maxIdle=8 minIdle=0 maxWait=500ms ..." read from the live pool, so that what an agent changed
     * through the pool's setters shows up in the startup banner.
     */
    public static String describe(GenericObjectPool<?> pool) {
        return "maxTotal=" + pool.getMaxTotal() + " maxIdle=" + pool.getMaxIdle() + " minIdle=" + pool.getMinIdle()
                + " maxWait=" + pool.getMaxWaitDuration().toMillis() + "ms testWhileIdle=" + pool.getTestWhileIdle();
    }
}
