package io.redispoolagent.bench;

import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The agent's hot-path cost on a Jedis pool against a real redis-server (one per fork, started in the trial setup):
 *
 * <ul>
 *   <li>{@link #borrowReturn}: {@code JedisPool.getResource()} + {@code close()} on a pre-warmed pool; no Redis
 *       traffic, so it isolates what the agent's borrow/return hooks add;
 *   <li>{@link #getRoundTrip}: {@code getResource()}, {@code GET}, {@code close()}: what an application sees per
 *       command, dominated by the loopback round trip.
 * </ul>
 *
 * The pool is sized so it never waits (maxTotal 64, 8 connections created before measuring). With the agent in
 * production mode its profile applies (maxTotal 160, minIdle 16, testWhileIdle, a 30 s evictor): the same
 * single-threaded borrow never waits there either. {@link CompareRunner} runs the forks without and with the agent.
 */
@State(Scope.Benchmark)
public class PoolBenchmark {
    static final String KEY = "bench:key";

    private RedisServerProcess redis;
    private JedisPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        redis = RedisServerProcess.start();
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(64);
        config.setMaxIdle(64);
        config.setMinIdle(0);
        config.setMaxWait(Duration.ofMillis(500));
        pool = new JedisPool(config, redis.host(), redis.port());
        // Pre-warm: create connections now, so no measured borrow pays for a connect.
        List<Jedis> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            held.add(pool.getResource());
        }
        held.get(0).set(KEY, "value-of-some-cached-thing");
        for (Jedis j : held) {
            j.close();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Benchmark
    public Jedis borrowReturn() {
        Jedis jedis = pool.getResource();
        jedis.close(); // returns it to the pool
        return jedis;
    }

    @Benchmark
    public String getRoundTrip() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.get(KEY);
        }
    }
}
