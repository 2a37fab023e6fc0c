package io.redispoolagent.it.harness;

import io.redispoolagent.it.scenarios.JedisExhaustionApp;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The exhausted-pool scenario the metrics and status tests read: a Jedis 5.2 app whose JedisPool the
 * agent sizes to {@link #HELD} connections with a 200 ms wait; it holds all of them, makes {@link
 * #TIMED_OUT} more borrows that time out, and keeps the pool exhausted until the release file exists.
 */
public final class ExhaustedJedisPool {

    public static final int HELD = 3;
    public static final int TIMED_OUT = 2;

    private ExhaustedJedisPool() {
    }

    public static ChildJvm app(RedisExtension redis, Path release) {
        return ChildJvm.forMain(JedisExhaustionApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("redis.pool.maxTotal", String.valueOf(HELD))
                .systemProperty("redis.pool.maxWait", "200ms")
                .timeout(Duration.ofSeconds(40))
                .args(redis.server().host(), String.valueOf(redis.server().port()),
                        String.valueOf(HELD), String.valueOf(TIMED_OUT), release.toString());
    }
}
