package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Handle;
import io.redispoolagent.reflect.Versions;
import io.redispoolagent.util.PerClass;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the retry of a pooled {@code Jedis} needs of a Jedis 4–8 {@code redis.clients.jedis.Connection}
 * class, found once per class (the agent does not link against Jedis). Read from the 4.4.8, 5.2.0,
 * 6.2.0, 7.5.3 sources and the 8.0.2 jar:
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

    static final ClientType CONNECTION = ClientType.of("jedis", "redis.clients.jedis.Connection", Versions.from("4"));
    // The handshake's parameter is matched by shape: its class is JedisClientConfig in every version.
    private static final ClientMember INITIALIZE =
            CONNECTION.method("initializeFromClientConfig", Object.class, ClientType.ANY);
    private static final ClientMember DISCONNECT = CONNECTION.method("disconnect", Object.class);
    private static final ClientMember SET_BROKEN = CONNECTION.method("setBroken", Object.class);
    private static final ClientMember SELECT = CONNECTION.method("select", void.class, int.class);
    private static final ClientMember EXECUTE =
            CONNECTION.method("executeCommand", Object.class, "redis.clients.jedis.commands.ProtocolCommand");

    static final ClientType PUSH_CONSUMERS_CONNECTION = CONNECTION.since("8");
    private static final ClientMember INIT_PUSH_CONSUMERS = PUSH_CONSUMERS_CONNECTION.method(
            "initPushConsumers", Object.class, "redis.clients.jedis.JedisClientConfig");
    private static final ClientMember PUSH_CONSUMERS = PUSH_CONSUMERS_CONNECTION.field("pushConsumers", Object.class);

    static final ClientType PUSH_CONSUMER_CHAIN =
            ClientType.of("jedis", "redis.clients.jedis.PushConsumerChainImpl", Versions.from("8"));
    private static final ClientMember CONSUMERS = PUSH_CONSUMER_CHAIN.field("consumers", Object.class);

    static final ClientType COMMAND =
            ClientType.of("jedis", "redis.clients.jedis.Protocol$Command", Versions.from("4"));
    private static final ClientMember ROLE = COMMAND.staticField("ROLE");

    static final ClientType CONNECTION_EXCEPTION =
            ClientType.of("jedis", "redis.clients.jedis.exceptions.JedisConnectionException", Versions.from("4"));
    private static final ClientMember NEW_CONNECTION_EXCEPTION = CONNECTION_EXCEPTION.constructor(String.class);

    private static final PerClass<JedisConnectionMembers> BY_CLASS = PerClass.of(JedisConnectionMembers::new);

    private final Handle initialize;
    private final Handle disconnect;
    private final Handle setBroken;
    private final Handle select;
    private final Handle executeCommand;
    private final Object roleCommand;
    private final Handle connectionException;
    private final boolean hasPushConsumers;
    private final Handle pushConsumers;
    private final Handle consumerList;

    private JedisConnectionMembers(Class<?> type) {
        initialize = INITIALIZE.on(type);
        disconnect = DISCONNECT.on(type);
        setBroken = SET_BROKEN.on(type);
        select = SELECT.on(type);
        executeCommand = EXECUTE.on(type);
        Handle role = ROLE.on(type);
        roleCommand = role == null ? null : role.invoke();
        connectionException = NEW_CONNECTION_EXCEPTION.on(type);
        hasPushConsumers = INIT_PUSH_CONSUMERS.on(type) != null;
        pushConsumers = PUSH_CONSUMERS.on(type);
        consumerList = pushConsumers == null ? null : CONSUMERS.in(type.getClassLoader());
    }

    static JedisConnectionMembers of(Class<?> connectionType) {
        return BY_CLASS.get(connectionType);
    }

    /**
     * True when every member a reconnect uses was found; on Jedis 8 that includes the push-consumer
     * chain, so that repeated re-handshakes cannot grow it.
     */
    boolean canReconnect() {
        return initialize != null
                && disconnect != null
                && setBroken != null
                && select != null
                && connectionException != null
                && (!hasPushConsumers || consumerList != null);
    }

    /** Re-runs the handshake with the configuration the connection's own handshake received. */
    void initialize(Object connection, Object clientConfig) {
        initialize.invoke(connection, clientConfig);
    }

    void select(Object connection, int database) {
        select.invokeWith(connection, database);
    }

    /** Closes the socket and marks the connection broken, whatever state it is in; never throws. */
    void close(Object connection) {
        try {
            disconnect.invoke(connection);
        } catch (RuntimeException flushOnDeadSocket) {
            // disconnect() flushes before closing and throws on a dead socket; it closes the socket regardless.
        }
        try {
            setBroken.invoke(connection);
        } catch (RuntimeException unexpected) {
            // the socket is closed: the next use reconnects through connect(), which the agent refuses
        }
    }

    /** True when {@code ROLE} answers {@code master}; false for a replica or when ROLE cannot be sent. */
    boolean isMaster(Object connection) {
        if (executeCommand == null || roleCommand == null) {
            return false;
        }
        Object reply = executeCommand.invoke(connection, roleCommand);
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
            return (RuntimeException) connectionException.invoke(message);
        } catch (RuntimeException unexpected) {
            return new IllegalStateException(message);
        }
    }

    private List<?> consumers(Object connection) {
        if (consumerList == null) {
            return null;
        }
        try {
            Object chain = pushConsumers.invoke(connection);
            Object list = chain == null ? null : consumerList.invoke(chain);
            return list instanceof List ? (List<?>) list : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
