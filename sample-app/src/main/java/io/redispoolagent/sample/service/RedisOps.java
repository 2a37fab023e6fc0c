package io.redispoolagent.sample.service;

import java.util.Map;

/**
 * The handful of Redis commands the token service uses. Like a typical legacy service, every call borrows its own
 * connection from the pool and returns it straight away, so one HTTP request means several borrows.
 */
public interface RedisOps extends AutoCloseable {
    long incr(String key);

    /** EXPIRE; true when the key existed. */
    boolean expire(String key, int seconds);

    /** HSET with several fields. */
    void hset(String key, Map<String, String> fields);

    /** HGET; null when absent. */
    String hget(String key, String field);

    boolean exists(String key);

    void setex(String key, int seconds, String value);

    /** DEL; the number of keys removed. */
    long del(String key);

    String ping();

    /** "jedis" or "lettuce". */
    String client();

    /** One line describing the pool settings, for the startup banner. */
    String describePool();

    @Override
    void close();
}
