package io.redispoolagent.sample.service;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * Lettuce with a commons-pool2 pool from {@link ConnectionPoolSupport#createGenericObjectPool}: one borrow per
 * command, sync API. (Lettuce does not need a pool for this, which is exactly why legacy code that has one is
 * worth fixing.)
 */
public final class LettuceRedisOps implements RedisOps {
    private final RedisClient client;
    private final GenericObjectPool<StatefulRedisConnection<String, String>> pool;

    public LettuceRedisOps(URI redisUri) {
        this.client = RedisClient.create(RedisURI.create(redisUri.toString()));
        this.pool = ConnectionPoolSupport.createGenericObjectPool(client::connect, LegacyPoolConfig.lettuce());
    }

    private StatefulRedisConnection<String, String> borrow() {
        try {
            return pool.borrowObject();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RedisAccessException("could not borrow a connection from the pool", e);
        }
    }

    @Override
    public long incr(String key) {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            return c.sync().incr(key);
        }
    }

    @Override
    public boolean expire(String key, int seconds) {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            return Boolean.TRUE.equals(c.sync().expire(key, seconds));
        }
    }

    @Override
    public void hset(String key, Map<String, String> fields) {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            c.sync().hset(key, fields);
        }
    }

    @Override
    public String hget(String key, String field) {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            return c.sync().hget(key, field);
        }
    }

    @Override
    public boolean exists(String key) {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            Long n = c.sync().exists(key);
            return n != null && n > 0;
        }
    }

    @Override
    public void setex(String key, int seconds, String value) {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            c.sync().setex(key, seconds, value);
        }
    }

    @Override
    public long del(String key) {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            Long n = c.sync().del(key);
            return n == null ? 0 : n;
        }
    }

    @Override
    public String ping() {
        try (StatefulRedisConnection<String, String> c = borrow()) {
            return c.sync().ping();
        }
    }

    @Override
    public String client() {
        return "lettuce";
    }

    @Override
    public String describePool() {
        return "Lettuce GenericObjectPool " + LegacyPoolConfig.describe(pool);
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
