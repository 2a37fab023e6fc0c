package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.reflect.Reflection;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the retry of a pooled {@code Jedis} needs of a Jedis 4–8 {@code redis.clients.jedis.Connection}
 * class, found once per class by reflection (the agent does not link against Jedis). Read from the
 * 4.4.8, 5.2.0, 6.2.0, 7.5.3 sources and the 8.0.2 jar:
 * <ul>
 *   <li>{@code initializeFromClientConfig(JedisClientConfig)}: the handshake (connect, HELLO/AUTH, CLIENT
 *       SETNAME/SETINFO, SELECT of the configured database); private in 4.4.8, protected from 5;</li>
 *   <li>{@code disconnect()}, {@code setBroken()}, {@code select(int)}, {@code executeCommand(ProtocolCommand)}:
 *       public in every version;</li>
 *   <li>Jedis 8 only: the {@code pushConsumers} chain, to which every handshake appends a consumer
 *       ({@code initPushConsumers}); a re-handshake's additions are removed again.</li>
 * </ul>
 * Members a class lacks are null: {@link #canReconnect()} then says no. The calls rethrow what Jedis
 * throws.
 */
final class JedisConnectionMembers {

    private static final ClassValue<JedisConnectionMembers> BY_CLASS = new ClassValue<JedisConnectionMembers>() {
        @Override
        protected JedisConnectionMembers computeValue(Class<?> type) {
            return new JedisConnectionMembers(type);
        }
    };

    private final Method initialize;
    private final Method disconnect;
    private final Method setBroken;
    private final Method select;
    private final Method executeCommand;
    private final Object roleCommand;
    private final Constructor<?> connectionException;
    private final boolean hasPushConsumers;
    private final Field pushConsumers;
    private final Field consumerList;

    private JedisConnectionMembers(Class<?> type) {
        initialize = oneArgument(type, "initializeFromClientConfig");
        disconnect = Reflection.findMethod(type, "disconnect");
        setBroken = Reflection.findMethod(type, "setBroken");
        select = Reflection.findMethod(type, "select", int.class);
        ClassLoader loader = type.getClassLoader();
        Class<?> protocolCommand = Reflection.load("redis.clients.jedis.commands.ProtocolCommand", loader);
        executeCommand = protocolCommand == null ? null : Reflection.findMethod(type, "executeCommand", protocolCommand);
        roleCommand = enumConstant(Reflection.load("redis.clients.jedis.Protocol$Command", loader), "ROLE");
        connectionException = constructor(Reflection.load("redis.clients.jedis.exceptions.JedisConnectionException", loader));
        hasPushConsumers = Reflection.findMethod(type, "initPushConsumers",
                Reflection.load("redis.clients.jedis.JedisClientConfig", loader)) != null;
        pushConsumers = Reflection.findField(type, "pushConsumers");
        consumerList = pushConsumers == null ? null : Reflection.findField(pushConsumers.getType(), "consumers");
    }

    static JedisConnectionMembers of(Class<?> connectionType) {
        return BY_CLASS.get(connectionType);
    }

    /**
     * True when every member a reconnect uses was found; on Jedis 8 that includes the push-consumer
     * chain, so that repeated re-handshakes cannot grow it.
     */
    boolean canReconnect() {
        return initialize != null && disconnect != null && setBroken != null && select != null
                && connectionException != null && (!hasPushConsumers || consumerList != null);
    }

    /** Re-runs the handshake with the configuration the connection's own handshake received. */
    void initialize(Object connection, Object clientConfig) {
        Reflection.invoke(initialize, connection, clientConfig);
    }

    void select(Object connection, int database) {
        Reflection.invoke(select, connection, database);
    }

    /** Closes the socket and marks the connection broken, whatever state it is in; never throws. */
    void close(Object connection) {
        try {
            Reflection.invoke(disconnect, connection);
        } catch (RuntimeException flushOnDeadSocket) {
            // disconnect() flushes before closing and throws on a dead socket; it closes the socket regardless.
        }
        try {
            Reflection.invoke(setBroken, connection);
        } catch (RuntimeException unexpected) {
            // the socket is closed: the next use reconnects through connect(), which the agent refuses
        }
    }

    /** True when {@code ROLE} answers {@code master}; false for a replica or when ROLE cannot be sent. */
    boolean isMaster(Object connection) {
        if (executeCommand == null || roleCommand == null) {
            return false;
        }
        Object reply = Reflection.invoke(executeCommand, connection, roleCommand);
        Object role = reply instanceof List && !((List<?>) reply).isEmpty() ? ((List<?>) reply).get(0) : null;
        return role instanceof byte[] && "master".equals(new String((byte[]) role, StandardCharsets.UTF_8));
    }

    /** How many push consumers the connection has (0 before Jedis 8). */
    int pushConsumerCount(Object connection) {
        List<?> consumers = consumers(connection);
        return consumers == null ? 0 : consumers.size();
    }

    /** Removes the push consumers a re-handshake appended, keeping the first {@code count}. */
    void trimPushConsumers(Object connection, int count) {
        List<?> consumers = consumers(connection);
        while (consumers != null && consumers.size() > count) {
            consumers.remove(consumers.size() - 1);
        }
    }

    /** The {@code JedisConnectionException} the application sees when the agent refuses to reconnect a connection. */
    RuntimeException connectionException(String message) {
        try {
            return (RuntimeException) connectionException.newInstance(message);
        } catch (ReflectiveOperationException | RuntimeException unexpected) {
            return new IllegalStateException(message);
        }
    }

    private List<?> consumers(Object connection) {
        if (consumerList == null) {
            return null;
        }
        try {
            Object chain = pushConsumers.get(connection);
            Object list = chain == null ? null : consumerList.get(chain);
            return list instanceof List ? (List<?>) list : null;
        } catch (IllegalAccessException | RuntimeException unreadable) {
            return null;
        }
    }

    private static Method oneArgument(Class<?> type, String name) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            for (Method method : declaring.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterTypes().length == 1) {
                    try {
                        method.setAccessible(true);
                        return method;
                    } catch (RuntimeException inaccessible) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static Object enumConstant(Class<?> type, String name) {
        if (type == null || !type.isEnum()) {
            return null;
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private static Constructor<?> constructor(Class<?> type) {
        try {
            return type == null ? null : type.getConstructor(String.class);
        } catch (NoSuchMethodException | RuntimeException absent) {
            return null;
        }
    }
}
