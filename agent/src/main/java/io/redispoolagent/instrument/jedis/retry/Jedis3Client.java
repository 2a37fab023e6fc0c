package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Handle;
import io.redispoolagent.reflect.Versions;
import io.redispoolagent.util.PerClass;

/**
 * What the Jedis 3 retry needs of a {@code redis.clients.jedis.Connection} (usually its subclass {@code
 * Client}): the agent does not link against Jedis. One instance per connection class. Methods a plain
 * {@code Connection} lacks ({@code BinaryClient}'s database and transaction state) are treated as absent:
 * no database to restore, never in a transaction.
 */
final class Jedis3Client {

    static final ClientType CONNECTION = ClientType.of("jedis", "redis.clients.jedis.Connection", Versions.before("4"));
    private static final ClientMember GET_HOST = CONNECTION.method("getHost", Object.class);
    private static final ClientMember GET_PORT = CONNECTION.method("getPort", int.class);
    private static final ClientMember DISCONNECT = CONNECTION.method("disconnect", Object.class);
    // By shape: ProtocolCommand, which the stand-ins of the unit tests cannot name.
    private static final ClientMember SEND_COMMAND =
            CONNECTION.method("sendCommand", Object.class, ClientType.ANY, byte[][].class);
    private static final ClientMember BROKEN = CONNECTION.fieldSetter("broken", boolean.class);

    static final ClientType BINARY_CLIENT =
            ClientType.of("jedis", "redis.clients.jedis.BinaryClient", Versions.before("4"));
    private static final ClientMember GET_DB = BINARY_CLIENT.method("getDB", int.class);
    private static final ClientMember SET_DB = BINARY_CLIENT.method("setDb", void.class, int.class);
    private static final ClientMember IS_IN_MULTI = BINARY_CLIENT.method("isInMulti", boolean.class);
    private static final ClientMember IS_IN_WATCH = BINARY_CLIENT.method("isInWatch", boolean.class);

    static final ClientType PROTOCOL_COMMAND =
            ClientType.of("jedis", "redis.clients.jedis.commands.ProtocolCommand", Versions.before("4"));
    private static final ClientMember GET_RAW = PROTOCOL_COMMAND.method("getRaw", Object.class);

    private static final PerClass<Jedis3Client> BY_CLASS = PerClass.of(Jedis3Client::new);

    private final Handle setDb;
    private final Handle isInMulti;
    private final Handle isInWatch;
    private final Handle disconnect;
    private final Handle sendCommand;
    private final Handle broken;

    private Jedis3Client(Class<?> type) {
        setDb = SET_DB.on(type);
        isInMulti = IS_IN_MULTI.on(type);
        isInWatch = IS_IN_WATCH.on(type);
        disconnect = DISCONNECT.on(type);
        sendCommand = SEND_COMMAND.on(type);
        broken = BROKEN.on(type);
    }

    static Jedis3Client of(Class<?> connectionType) {
        return BY_CLASS.get(connectionType);
    }

    String host(Object connection) {
        Object host = GET_HOST.read(connection);
        return host instanceof String ? (String) host : null;
    }

    int port(Object connection) {
        return GET_PORT.readInt(connection, -1);
    }

    int database(Object connection) {
        return GET_DB.readInt(connection, 0);
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

    private static boolean flag(Handle getter, Object connection) {
        try {
            return getter != null && getter.invokeForBoolean(connection);
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    /** The command's name as sent ({@code ProtocolCommand.getRaw()}), or null if unreadable. */
    byte[] rawName(Object command) {
        Object raw = GET_RAW.read(command);
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
            disconnect.invoke(connection);
        } catch (RuntimeException flushOnDeadSocket) {
            // disconnect() flushes before closing and throws on a dead socket; it closes the socket regardless.
        }
        if (setDb != null) {
            setDb.invokeWith(connection, db);
        }
        broken.invokeWith(connection, false);
        sendCommand.invoke(connection, command, args);
    }
}
