package io.redispoolagent.instrument.lettuce;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.retry.ArgumentAccessor;
import io.redispoolagent.retry.CommandSafety;
import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.retry.Safety;
import io.redispoolagent.runtime.AgentRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;

/**
 * Makes Lettuce's replay after a reconnect safe for writes. What Lettuce does (read from the 5.3.7, 6.8.2
 * and 7.7.0 sources): with {@code autoReconnect} on (the default), when a connection drops, {@code
 * DefaultEndpoint.notifyDrainQueuedCommands} takes the commands that were written to it and not yet
 * answered ({@code CommandHandler.drainQueue()}: a fresh list of its stack, only commands whose write
 * succeeded), puts them ahead of the never-written ones, and sends them all again once reconnected. A
 * command Redis executed but whose reply was lost runs twice: an INCR counts twice, an LPUSH pushes
 * twice. Lettuce 6.6+'s {@code replayFilter} sees only never-written commands, not these.
 *
 * <p>What the agent does, when retry is on: each in-flight command that is not safe to repeat (the same
 * table as for Jedis: INCR, LPUSH, EVAL, a blocking pop…) is failed with a {@code RedisException}
 * instead ("connection lost after the command was sent; not replayed because INCR is not safe to
 * repeat"), as Lettuce itself does without autoReconnect, and removed from the replay. The application
 * sees an error, as for any write whose outcome is unknown; the write is never applied twice. Commands
 * safe to repeat, never-written ones, and those Lettuce re-establishes on every connection anyway (AUTH,
 * HELLO, SELECT, CLIENT SETNAME, READONLY, (un)subscriptions) are replayed as before. A transaction in
 * flight (MULTI, EXEC, DISCARD, or a command queued inside MULTI) is failed as a whole: replayed on a new
 * connection, its commands would run outside the transaction.
 *
 * <p>Retry: when the connection breaks ({@code exceptionCaught} with an {@code IOException}, such as a
 * reset), Lettuce fails the oldest in-flight command with it and replays the others. If that command is
 * safe to repeat, the agent keeps it in flight instead, so that Lettuce's replay sends it again on the
 * new connection like the others: the caller sees its reply, not the reset. The agent adds no retry loop
 * of its own: Lettuce's reconnect (with its own backoff) and replay already re-send every command, and
 * wrapping the command's future to re-dispatch it would race with that replay and could only duplicate;
 * a re-dispatch would also need a fresh {@code CommandOutput}, which only the command's API method knows
 * how to build. The reply then waits for the reconnect, within the command's timeout.
 *
 * <p>Runs on the channel's event loop, once per broken connection; Lettuce is reached through {@link
 * LettuceMembers}, no Lettuce class is linked.
 */
public final class LettuceReplayGuard {

    private static final Set<String> RESTORED_BY_LETTUCE = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "AUTH",
            "HELLO",
            "SELECT",
            "CLIENT",
            "READONLY",
            "READWRITE",
            "PING",
            "SUBSCRIBE",
            "PSUBSCRIBE",
            "SSUBSCRIBE",
            "UNSUBSCRIBE",
            "PUNSUBSCRIBE",
            "SUNSUBSCRIBE")));

    private static final Set<String> TRANSACTION =
            Collections.unmodifiableSet(new HashSet<>(Arrays.asList("MULTI", "EXEC", "DISCARD")));

    private LettuceReplayGuard() {}

    /** After {@code drainQueue()}: fails and removes the commands that must not be sent again. */
    public static void drained(Object handler, Collection<?> inFlight) {
        if (inFlight == null
                || inFlight.isEmpty()
                || !AgentRuntime.current().retry().enabled()
                || !willReplay(handler)) {
            return;
        }
        CommandSafety table = AgentRuntime.current().retry().fallback().commands();
        List<String> failed = new ArrayList<>();
        for (Iterator<?> it = inFlight.iterator(); it.hasNext(); ) {
            Object command = it.next();
            if (isDone(command) || replayable(table, command)) {
                continue;
            }
            String name = String.valueOf(name(command));
            if (fail(command, name)) {
                it.remove();
                failed.add(name);
                AgentRuntime.current().retry().recordUnpooled(RetryOutcome.NOT_SAFE, handler.getClass());
            }
        }
        if (!failed.isEmpty()) {
            AgentLog.infoOnce(
                    "retry:lettuce-replay",
                    "lettuce: a connection dropped with commands in flight; the ones"
                            + " not safe to repeat (here " + failed
                            + ") fail instead of being replayed by Lettuce after the"
                            + " reconnect, so that no write is applied twice. Safe commands are replayed as before.");
            if (AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
                AgentLog.debug(
                        "lettuce: " + inFlight.size() + " in-flight commands replayed, failed instead: " + failed);
            }
        }
    }

    /**
     * Before {@code exceptionCaught(ctx, cause)}: true when the broken connection's oldest in-flight
     * command is safe to repeat and is left in flight for Lettuce's replay, and then does the one other
     * thing {@code exceptionCaught} does (the same in 5.3.7, 6.8.2 and 7.7.0): tell the endpoint about the
     * failure when the channel is already down. False leaves {@code exceptionCaught} to run as it is.
     */
    public static boolean keepForReplay(Object handler, Throwable cause) {
        if (!(cause instanceof IOException) || !AgentRuntime.current().retry().enabled() || !willReplay(handler)) {
            return false;
        }
        Object stack = LettuceMembers.STACK.read(handler);
        Object oldest = stack instanceof Queue ? ((Queue<?>) stack).peek() : null;
        if (oldest == null
                || isDone(oldest)
                || !replayable(AgentRuntime.current().retry().fallback().commands(), oldest)) {
            return false;
        }
        Object channel = LettuceMembers.CHANNEL.read(handler);
        if (channel == null
                || !LettuceMembers.IS_ACTIVE.readBoolean(channel, false)
                || !LettuceMembers.IS_CONNECTED.readBoolean(handler, false)) {
            notifyException(LettuceMembers.ENDPOINT.read(handler), cause);
        }
        AgentRuntime.current().retry().recordUnpooled(RetryOutcome.RETRIED, handler.getClass());
        return true;
    }

    private static void notifyException(Object endpoint, Throwable cause) {
        try {
            LettuceMembers.NOTIFY_EXCEPTION.require(endpoint.getClass()).invoke(endpoint, cause);
        } catch (RuntimeException | LinkageError unreachable) {
            AgentLog.warnOnce(
                    "retry:lettuce-notify", "lettuce: cannot report a connection failure to the endpoint", unreachable);
        }
    }

    /**
     * True when sending the command again on a new connection cannot apply it twice or change what its
     * caller sees: safe to repeat by the table, or connection state Lettuce sets up on every connection
     * anyway. Never a part of a transaction: replayed alone, it would run outside the transaction.
     */
    private static boolean replayable(CommandSafety table, Object command) {
        String name = name(command);
        return name != null
                && !isTransactional(command)
                && (RESTORED_BY_LETTUCE.contains(name)
                        || safety(table, name, command).safeToRepeat());
    }

    /** True when Lettuce is going to replay (autoReconnect on); otherwise it fails them all itself. */
    private static boolean willReplay(Object handler) {
        Object options = LettuceMembers.CLIENT_OPTIONS.read(handler);
        if (options == null) {
            AgentLog.warnOnce(
                    "retry:lettuce-options",
                    "lettuce: cannot read the client options of "
                            + handler.getClass().getName()
                            + "; its replay after a reconnect is left as without the agent",
                    null);
            return false;
        }
        return LettuceMembers.IS_AUTO_RECONNECT.readBoolean(options, false);
    }

    private static boolean isDone(Object command) {
        return LettuceMembers.IS_DONE.readBoolean(command, true);
    }

    /** MULTI, EXEC, DISCARD, or a command queued inside MULTI (Lettuce wraps those in a TransactionalCommand). */
    private static boolean isTransactional(Object command) {
        String name = name(command);
        return name != null && TRANSACTION.contains(name)
                || LettuceMembers.TRANSACTIONAL_COMMAND.describes(command.getClass());
    }

    /** The command's name as sent ({@code getType().getBytes()}), or null if unreadable. */
    static String name(Object command) {
        Object type = LettuceMembers.GET_TYPE.read(command);
        Object bytes = type == null ? null : LettuceMembers.GET_BYTES.read(type);
        return bytes instanceof byte[]
                ? new String((byte[]) bytes, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT)
                : null;
    }

    private static Safety safety(CommandSafety table, String name, Object command) {
        return table.classify(
                name, LettuceArguments.of(LettuceMembers.GET_ARGS.read(command)), ArgumentAccessor.LISTS, 0);
    }

    /**
     * Completes the command exceptionally as Lettuce's own cancellation does (the output's error first,
     * then the future); false if that failed, and the command is then left to Lettuce's replay.
     */
    private static boolean fail(Object command, String name) {
        try {
            String message = "Connection lost after " + name + " was sent; not replayed after the reconnect because"
                    + " it is not safe to repeat (redis-pool-agent): it may or may not have been executed";
            Object exception = LettuceMembers.NEW_REDIS_EXCEPTION
                    .require(command.getClass())
                    .invoke(message);
            Object output = LettuceMembers.GET_OUTPUT.read(command);
            if (output != null) {
                LettuceMembers.SET_ERROR.require(output.getClass()).invoke(output, message);
            }
            completeExceptionally(command, exception);
            failTransactionQueue(output, exception);
            return true;
        } catch (RuntimeException | LinkageError cannotFail) {
            AgentLog.warnOnce(
                    "retry:lettuce-fail",
                    "lettuce: cannot fail an in-flight " + name + "; Lettuce replays it as without the agent",
                    cannotFail);
            return false;
        }
    }

    /** EXEC's output holds the commands queued inside MULTI, which would otherwise wait for their timeout. */
    private static void failTransactionQueue(Object output, Object exception) {
        if (output == null || !LettuceMembers.MULTI_OUTPUT.describes(output.getClass())) {
            return;
        }
        Object queued = LettuceMembers.QUEUE.read(output);
        if (queued instanceof Collection) {
            for (Object command : (Collection<?>) queued) {
                if (!isDone(command)) {
                    completeExceptionally(command, exception);
                }
            }
        }
    }

    private static void completeExceptionally(Object command, Object exception) {
        LettuceMembers.COMPLETE_EXCEPTIONALLY.require(command.getClass()).invoke(command, exception);
    }
}
