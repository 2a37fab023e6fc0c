package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Handle;
import io.redispoolagent.reflect.Versions;
import io.redispoolagent.retry.ArgumentAccessor;
import io.redispoolagent.retry.RetryPolicy;
import io.redispoolagent.retry.Safety;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Jedis 4–8 command objects both command hooks see ({@code CommandObject}, whose {@code
 * CommandArguments} are an {@code Iterable<Rawable>} with the {@code ProtocolCommand} first) and the
 * {@code ProtocolCommand} / {@code Rawable} arguments of the raw sends, by reflection: the agent does
 * not link against Jedis. Everything here runs on a failure path or for a rare command, never per
 * command on success.
 */
final class JedisCommands {

    static final ClientType COMMAND_OBJECT =
            ClientType.of("jedis", "redis.clients.jedis.CommandObject", Versions.from("4"));
    private static final ClientMember GET_ARGUMENTS = COMMAND_OBJECT.method("getArguments", Object.class);

    /** What {@code ProtocolCommand} and every argument of {@code CommandArguments} implement. */
    static final ClientType RAWABLE = ClientType.of("jedis", "redis.clients.jedis.args.Rawable", Versions.from("4"));

    private static final ClientMember GET_RAW = RAWABLE.method("getRaw", Object.class);

    private JedisCommands() {}

    /** The command's classification, from its {@code CommandArguments}; NEVER when they cannot be read. */
    static Safety safety(RetryPolicy policy, Object commandObject) {
        byte[][] raw = rawArguments(commandObject);
        if (raw == null || raw.length == 0 || raw[0] == null) {
            return Safety.NEVER;
        }
        return policy.commands().classify(raw[0], raw, ArgumentAccessor.BYTE_ARRAYS, 1);
    }

    /** A {@code CommandObject}'s arguments as bytes, the command name first; null if unreadable. */
    static byte[][] rawArguments(Object commandObject) {
        try {
            Object arguments = required(GET_ARGUMENTS, commandObject).invoke(commandObject);
            if (!(arguments instanceof Iterable)) {
                return null;
            }
            List<byte[]> raw = new ArrayList<>();
            for (Object element : (Iterable<?>) arguments) {
                raw.add(element == null ? null : rawBytes(element));
            }
            return raw.toArray(new byte[0][]);
        } catch (Exception | LinkageError unreadable) {
            return null;
        }
    }

    /** The command's name, for log lines. */
    static String describe(Object commandObject) {
        byte[][] raw = rawArguments(commandObject);
        return raw == null || raw.length == 0 || raw[0] == null ? "?" : new String(raw[0], StandardCharsets.UTF_8);
    }

    /**
     * A {@code ProtocolCommand}'s or {@code Rawable}'s name in upper case: an enum constant's name
     * (Jedis' own {@code Protocol.Command} and {@code Keyword}; no allocation), else its raw bytes. Null
     * if unreadable.
     */
    static String name(Object commandOrKeyword) {
        if (commandOrKeyword instanceof Enum) {
            return ((Enum<?>) commandOrKeyword).name();
        }
        if (commandOrKeyword instanceof String) {
            return ((String) commandOrKeyword).toUpperCase(java.util.Locale.ROOT);
        }
        if (commandOrKeyword instanceof byte[]) {
            return new String((byte[]) commandOrKeyword, StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT);
        }
        try {
            return commandOrKeyword == null ? null : name(rawBytes(commandOrKeyword));
        } catch (Exception | LinkageError unreadable) {
            return null;
        }
    }

    /** The first element of a raw send's arguments ({@code String...}, {@code byte[]...} or one {@code Rawable}). */
    static Object firstArgument(Object arguments) {
        if (arguments instanceof Object[]) {
            Object[] array = (Object[]) arguments;
            return array.length == 0 ? null : array[0];
        }
        return arguments;
    }

    private static byte[] rawBytes(Object rawable) {
        return (byte[]) required(GET_RAW, rawable).invoke(rawable);
    }

    private static Handle required(ClientMember member, Object target) {
        try {
            return member.require(target.getClass());
        } catch (IllegalStateException absent) {
            AgentLog.warnOnce(
                    "member:" + absent.getMessage(), absent.getMessage() + "; such commands are not retried", null);
            throw absent;
        }
    }
}
