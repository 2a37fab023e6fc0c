package io.redispoolagent.pool;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Finds the endpoint a pool factory connects to by walking a few levels of its fields for the client's
 * own address type: Jedis {@code HostAndPort} (held by the socket factory, or by Jedis 8's connection
 * builder) and its client config's database; the first Lettuce client or {@code RedisURI} that the
 * factory's supplier reaches, read by {@link LettuceEndpoints}. Walking the graph rather than naming
 * fields keeps one piece of code working across six Jedis and three Lettuce versions whose private
 * fields all differ, and across the frameworks that wrap them.
 *
 * <p>Only host, port and database are ever read: user names and passwords stay where they are.
 */
final class EndpointFinder {

    private static final String JEDIS_HOST_AND_PORT = JedisClasses.HOST_AND_PORT.className();
    private static final int MAX_DEPTH = 4;
    private static final int MAX_OBJECTS = 64;

    private EndpointFinder() {}

    /** The endpoint, or null when none can be found (a custom factory, a sentinel pool before it knows its master). */
    static Endpoint find(Object factory) {
        Object address = null;
        Integer database = null;
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());
        Deque<Object[]> queue = new ArrayDeque<>();
        queue.add(new Object[] {factory, 0});
        while (!queue.isEmpty() && seen.size() < MAX_OBJECTS && (address == null || database == null)) {
            Object[] entry = queue.poll();
            Object current = entry[0];
            int depth = (Integer) entry[1];
            if (!seen.add(current)) {
                continue;
            }
            if (LettuceEndpoints.holdsEndpoint(current)) {
                Endpoint endpoint = LettuceEndpoints.of(current);
                if (endpoint != null) {
                    return endpoint;
                }
                continue;
            }
            String type = current.getClass().getName();
            if (address == null && JEDIS_HOST_AND_PORT.equals(type)) {
                address = host(current) != null ? current : null;
                continue;
            }
            if (database == null && type.startsWith("redis.clients.jedis.") && type.contains("Config")) {
                database = knownDatabase(JedisClasses.DATABASE.readInt(current, -1));
            }
            if (depth < MAX_DEPTH) {
                enqueueFields(current, depth + 1, queue);
            }
        }
        if (address == null) {
            return null;
        }
        int port = JedisClasses.PORT.readInt(address, -1);
        return port == -1 ? null : new Endpoint(host(address), port, database == null ? 0 : database);
    }

    private static String host(Object hostAndPort) {
        Object host = JedisClasses.HOST.read(hostAndPort);
        return host instanceof String ? (String) host : null;
    }

    private static void enqueueFields(Object owner, int depth, Deque<Object[]> queue) {
        for (Class<?> type = owner.getClass();
                type != null && !isPlatform(type.getName());
                type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                Object value = read(field, owner);
                if (value != null && !isPlatform(value.getClass().getName())) {
                    queue.add(new Object[] {value, depth});
                }
            }
        }
    }

    /** JDK and Netty internals never hold the address the application configured. */
    private static boolean isPlatform(String className) {
        return className.startsWith("java.")
                || className.startsWith("javax.")
                || className.startsWith("sun.")
                || className.startsWith("jdk.")
                || className.startsWith("io.netty.");
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (RuntimeException | IllegalAccessException inaccessible) {
            // A field the module system keeps closed simply is not walked.
            return null;
        }
    }

    /** Null for the -1 of a config without a readable database, so that the walk keeps looking. */
    private static Integer knownDatabase(int database) {
        return database < 0 ? null : database;
    }
}
