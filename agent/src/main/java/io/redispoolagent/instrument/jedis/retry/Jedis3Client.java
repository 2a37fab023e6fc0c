package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.reflect.Reflection;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * What the Jedis 3 retry needs of a {@code redis.clients.jedis.Connection} (usually its subclass {@code
 * Client}), by reflection: the agent does not link against Jedis. One instance per connection class.
 * Methods a plain {@code Connection} lacks ({@code BinaryClient}'s database and transaction state) are
 * treated as absent: no database to restore, never in a transaction.
 */
final class Jedis3Client {

    private static final ClassValue<Jedis3Client> BY_CLASS = new ClassValue<Jedis3Client>() {
        @Override
        protected Jedis3Client computeValue(Class<?> type) {
            return new Jedis3Client(type);
        }
    };

    private final Method getHost;
    private final Method getPort;
    private final Method getDb;
    private final Method setDb;
    private final Method isInMulti;
    private final Method isInWatch;
    private final Method disconnect;
    private final Method sendCommand;
    private final Field broken;

    private Jedis3Client(Class<?> type) {
        getHost = method(type, "getHost");
        getPort = method(type, "getPort");
        getDb = method(type, "getDB");
        setDb = method(type, "setDb", int.class);
        isInMulti = method(type, "isInMulti");
        isInWatch = method(type, "isInWatch");
        disconnect = method(type, "disconnect");
        sendCommand = sendCommandMethod(type);
        broken = Reflection.findField(type, "broken");
    }

    static Jedis3Client of(Class<?> connectionType) {
        return BY_CLASS.get(connectionType);
    }

    String host(Object connection) {
        Object host = call(getHost, connection);
        return host instanceof String ? (String) host : null;
    }

    int port(Object connection) {
        Object port = call(getPort, connection);
        return port instanceof Integer ? (Integer) port : -1;
    }

    int database(Object connection) {
        Object db = call(getDb, connection);
        return db instanceof Integer ? (Integer) db : 0;
    }

    /** True when {@code sendCommand} and {@code broken} were found, as in every Jedis 3 {@code Connection}. */
    boolean canReconnect() {
        return sendCommand != null && broken != null && disconnect != null;
    }

    /**
     * True inside {@code MULTI} or after a {@code WATCH}, and when that state cannot be read; false for a
     * plain {@code Connection}, which keeps no such state.
     */
    boolean inTransactionOrWatch(Object connection) {
        return flag(isInMulti, connection) || flag(isInWatch, connection);
    }

    private static boolean flag(Method getter, Object connection) {
        return getter != null && !Boolean.FALSE.equals(call(getter, connection));
    }

    /** The command's name as sent ({@code ProtocolCommand.getRaw()}), or null if unreadable. */
    byte[] rawName(Object command) {
        Method getRaw = method(command.getClass(), "getRaw");
        Object raw = getRaw == null ? null : call(getRaw, command);
        return raw instanceof byte[] ? (byte[]) raw : null;
    }

    String commandName(Object command) {
        return Jedis3ConnectionRetry.describe(rawName(command));
    }

    /**
     * Closes the connection's socket and sends {@code command} on a new one: {@code sendCommand}
     * connects lazily, and the client's {@code connect()} replays AUTH and SELECT. Throws what Jedis
     * throws when that fails (the connection is then marked broken again, by Jedis). Only when {@link
     * #canReconnect()}.
     */
    void reconnectAndSend(Object connection, Object command, byte[][] args) {
        int db = database(connection);
        try {
            Reflection.invoke(disconnect, connection);
        } catch (RuntimeException flushOnDeadSocket) {
            // disconnect() flushes before closing and throws on a dead socket; it closes the socket regardless.
        }
        if (setDb != null) {
            Reflection.invoke(setDb, connection, db);
        }
        try {
            broken.setBoolean(connection, false);
        } catch (IllegalAccessException unexpected) {
            throw new IllegalStateException(unexpected);
        }
        Reflection.invoke(sendCommand, connection, command, args);
    }

    // ---------------------------------------------------------------------------------------------

    private static Object call(Method method, Object target) {
        if (method == null) {
            return null;
        }
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException | RuntimeException absent) {
            return null;
        }
    }

    /**
     * {@code sendCommand(ProtocolCommand, byte[]...)}, found by shape (the agent cannot name {@code
     * ProtocolCommand}), or null.
     */
    private static Method sendCommandMethod(Class<?> type) {
        for (Method candidate : type.getMethods()) {
            Class<?>[] parameters = candidate.getParameterTypes();
            if (candidate.getName().equals("sendCommand") && parameters.length == 2
                    && parameters[1] == byte[][].class && parameters[0].isInterface()) {
                candidate.setAccessible(true);
                return candidate;
            }
        }
        return null;
    }
}
