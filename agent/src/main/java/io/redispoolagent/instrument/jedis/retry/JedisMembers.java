package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Handle;
import io.redispoolagent.reflect.Versions;
import io.redispoolagent.util.PerClass;

/**
 * What the retry of a pooled {@code Jedis} needs of a Jedis 4–8 {@code redis.clients.jedis.Jedis} class,
 * once per class: its {@code connection} (a final field from 4.0 on; Jedis 3's {@code Jedis} has none,
 * so it is never adopted here) and {@code getDB()}, the database the {@code Jedis} believes it is on
 * (set only by {@code Jedis.select}, which the pool factory calls at every borrow whose database
 * differs from the configured one).
 */
final class JedisMembers {

    static final ClientType JEDIS = ClientType.of("jedis", "redis.clients.jedis.Jedis", Versions.from("4"));
    private static final ClientMember CONNECTION = JEDIS.field("connection", Object.class);
    private static final ClientMember GET_DB = JEDIS.method("getDB", int.class);

    private static final PerClass<JedisMembers> BY_CLASS = PerClass.of(JedisMembers::new);

    private final Handle connection;
    private final Handle getDb;

    private JedisMembers(Class<?> type) {
        boolean isJedis = JEDIS.describes(type);
        connection = isJedis ? CONNECTION.on(type) : null;
        getDb = isJedis ? GET_DB.on(type) : null;
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
            return connection.invoke(jedis);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** {@code jedis.getDB()}, or -1 when unreadable. */
    int database(Object jedis) {
        try {
            return getDb.invokeForInt(jedis);
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }
}
