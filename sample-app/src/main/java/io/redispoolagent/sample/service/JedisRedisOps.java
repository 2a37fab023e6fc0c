package io.redispoolagent.sample.service;

import java.net.URI;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Jedis with a {@link JedisPool}: one {@code getResource()} per command, as legacy code does it. */
public final class JedisRedisOps implements RedisOps {
    private final JedisPool pool;

    public JedisRedisOps(URI redisUri) {
        // The URI constructor understands redis://[user:password@]host:port[/db].
        this.pool = new JedisPool(LegacyPoolConfig.jedis(), redisUri);
    }

    @Override
    public long incr(String key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.incr(key);
        }
    }

    @Override
    public boolean expire(String key, int seconds) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.expire(key, seconds) == 1L;
        }
    }

    @Override
    public void hset(String key, Map<String, String> fields) {
        try (Jedis jedis = pool.getResource()) {
            jedis.hset(key, fields);
        }
    }

    @Override
    public String hget(String key, String field) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.hget(key, field);
        }
    }

    @Override
    public boolean exists(String key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.exists(key);
        }
    }

    @Override
    public void setex(String key, int seconds, String value) {
        try (Jedis jedis = pool.getResource()) {
            jedis.setex(key, seconds, value);
        }
    }

    @Override
    public long del(String key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.del(key);
        }
    }

    @Override
    public String ping() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.ping();
        }
    }

    @Override
    public String client() {
        return "jedis";
    }

    @Override
    public String describePool() {
        return "JedisPool " + LegacyPoolConfig.describe(pool);
    }

    @Override
    public void close() {
        pool.close();
    }
}
