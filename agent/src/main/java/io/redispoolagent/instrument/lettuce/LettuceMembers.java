package io.redispoolagent.instrument.lettuce;

import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Versions;

/**
 * The Lettuce (and Netty) members the replay guard reads and calls, the same in Lettuce 5.3.7, 6.8.2 and
 * 7.7.0; the agent does not link against Lettuce. Commands are called through the public {@code
 * RedisCommand} interface's methods, since the command classes themselves may not be public.
 */
final class LettuceMembers {

    static final ClientType COMMAND_HANDLER =
            ClientType.of("lettuce-core", "io.lettuce.core.protocol.CommandHandler", Versions.ALL);
    static final ClientMember STACK = COMMAND_HANDLER.field("stack", Object.class);
    static final ClientMember CHANNEL = COMMAND_HANDLER.field("channel", Object.class);
    static final ClientMember ENDPOINT = COMMAND_HANDLER.field("endpoint", Object.class);
    static final ClientMember CLIENT_OPTIONS = COMMAND_HANDLER.field("clientOptions", Object.class);
    static final ClientMember IS_CONNECTED = COMMAND_HANDLER.method("isConnected", boolean.class);

    static final ClientType NETTY_CHANNEL = ClientType.of("netty-transport", "io.netty.channel.Channel", Versions.ALL);
    static final ClientMember IS_ACTIVE = NETTY_CHANNEL.method("isActive", boolean.class);

    static final ClientType ENDPOINT_TYPE =
            ClientType.of("lettuce-core", "io.lettuce.core.protocol.Endpoint", Versions.ALL);
    static final ClientMember NOTIFY_EXCEPTION = ENDPOINT_TYPE.method("notifyException", Object.class, Throwable.class);

    static final ClientType OPTIONS = ClientType.of("lettuce-core", "io.lettuce.core.ClientOptions", Versions.ALL);
    static final ClientMember IS_AUTO_RECONNECT = OPTIONS.method("isAutoReconnect", boolean.class);

    static final ClientType REDIS_COMMAND =
            ClientType.of("lettuce-core", "io.lettuce.core.protocol.RedisCommand", Versions.ALL);
    static final ClientMember IS_DONE = REDIS_COMMAND.method("isDone", boolean.class);
    static final ClientMember GET_TYPE = REDIS_COMMAND.method("getType", Object.class);
    static final ClientMember GET_ARGS = REDIS_COMMAND.method("getArgs", Object.class);
    static final ClientMember GET_OUTPUT = REDIS_COMMAND.method("getOutput", Object.class);
    static final ClientMember COMPLETE_EXCEPTIONALLY =
            REDIS_COMMAND.method("completeExceptionally", Object.class, Throwable.class);

    /** MULTI wraps each command queued inside it in one of these. */
    static final ClientType TRANSACTIONAL_COMMAND =
            ClientType.of("lettuce-core", "io.lettuce.core.protocol.TransactionalCommand", Versions.ALL);

    static final ClientType PROTOCOL_KEYWORD =
            ClientType.of("lettuce-core", "io.lettuce.core.protocol.ProtocolKeyword", Versions.ALL);
    static final ClientMember GET_BYTES = PROTOCOL_KEYWORD.method("getBytes", Object.class);

    static final ClientType REDIS_EXCEPTION =
            ClientType.of("lettuce-core", "io.lettuce.core.RedisException", Versions.ALL);
    static final ClientMember NEW_REDIS_EXCEPTION = REDIS_EXCEPTION.constructor(String.class);

    static final ClientType COMMAND_OUTPUT =
            ClientType.of("lettuce-core", "io.lettuce.core.output.CommandOutput", Versions.ALL);
    static final ClientMember SET_ERROR = COMMAND_OUTPUT.method("setError", Object.class, String.class);

    /** EXEC's output, which holds the commands queued inside MULTI. */
    static final ClientType MULTI_OUTPUT =
            ClientType.of("lettuce-core", "io.lettuce.core.output.MultiOutput", Versions.ALL);

    static final ClientMember QUEUE = MULTI_OUTPUT.field("queue", Object.class);

    static final ClientType COMMAND_ARGS =
            ClientType.of("lettuce-core", "io.lettuce.core.protocol.CommandArgs", Versions.ALL);
    static final ClientMember SINGULAR_ARGUMENTS = COMMAND_ARGS.field("singularArguments", Object.class);

    private LettuceMembers() {}
}
