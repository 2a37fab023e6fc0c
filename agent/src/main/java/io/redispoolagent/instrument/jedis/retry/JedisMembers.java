package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.reflect.Reflection;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * What the retry of a pooled {@code Jedis} needs of a Jedis 4–8 {@code redis.clients.jedis.Jedis} class,
 * once per class: its {@code connection} (a final field from 4.0 on; Jedis 3's {@code Jedis} has none,
 * so it is never adopted here) and {@code getDB()}, the database the {@code Jedis} believes it is on
 * (set only by {@code Jedis.select}, which the pool factory calls at every borrow whose database
 * differs from the configured one).
 */
final class JedisMembers {

    private static final ClassValue<JedisMembers> BY_CLASS = new ClassValue<JedisMembers>() {
        @Override
        protected JedisMembers computeValue(Class<?> type) {
            return new JedisMembers(type);
        }
    };

    private final Field connection;
    private final Method getDb;

    private JedisMembers(Class<?> type) {
        boolean isJedis = Reflection.isA(type, "redis.clients.jedis.Jedis");
        connection = isJedis ? Reflection.findField(type, "connection") : null;
        getDb = isJedis ? Reflection.findMethod(type, "getDB") : null;
    }

    static JedisMembers of(Class<?> jedisType) {
        return BY_CLASS.get(jedisType);
    }

    /** The {@code Connection} a Jedis 4–8 {@code Jedis} owns; null for anything else. */
    Object connection(Object jedis) {
        if (connection == null || getDb == null) {
            return null;
        }
        try {
            return connection.get(jedis);
        } catch (IllegalAccessException | RuntimeException unreadable) {
            return null;
        }
    }

    /** {@code jedis.getDB()}, or -1 when unreadable. */
    int database(Object jedis) {
        try {
            Object db = getDb.invoke(jedis);
            return db instanceof Integer ? (Integer) db : -1;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return -1;
        }
    }
}
