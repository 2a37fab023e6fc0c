package io.redispoolagent.retry;

import io.redispoolagent.retry.CommandRule.Container;
import io.redispoolagent.retry.CommandRule.Fixed;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which Redis commands may be sent again after a failure: every command of Redis 7.0 (and the
 * subcommands of its container commands) classified as {@link Safety#READ}, {@link
 * Safety#IDEMPOTENT_WRITE}, {@link Safety#NON_IDEMPOTENT} or {@link Safety#NEVER}. Immutable and
 * thread-safe; looking a name up allocates nothing (an open-addressing table hashed on the
 * ASCII-upper-cased bytes serves {@code String} and {@code byte[]} names alike).
 *
 * <p>Rules (the reasoning behind each debatable entry is beside it in {@link BuiltInCommands}):
 * <ul>
 *   <li>A write is {@code IDEMPOTENT_WRITE} when executing it twice leaves the same state and a reply
 *       that means the same thing. A count of changed elements may be lower on the repeat (DEL, SADD,
 *       HSET, ZADD, XACK…): callers rarely act on it, and the state is what they asked for.</li>
 *   <li>A write whose reply is a decision the caller acts on is {@code NON_IDEMPOTENT}, even if the
 *       state would converge: SET NX, SETNX, HSETNX, MSETNX, RENAMENX (lock taken or not), SET GET,
 *       GETSET, SETBIT (the old value), COPY/RESTORE without REPLACE, XADD with an explicit id (the
 *       repeat turns an applied write into an error reply).</li>
 *   <li>Relative expiries (EXPIRE, SET EX, SETEX, GETEX EX) count as idempotent: the repeat restarts
 *       the TTL a few milliseconds later (at most the retry deadline), which no caller can tell from
 *       the network delay it already accepts. EXPIRE NX/GT/LT are not: the repeat answers 0.</li>
 *   <li>Commands that belong to their connection, block, or administer the server are {@code NEVER}.</li>
 *   <li>Arguments matter for SET, EXPIRE*, ZADD, LTRIM, LREM, BITFIELD, BITOP, SORT, GEORADIUS*, the
 *       *STORE commands (not idempotent when the destination is also a source), COPY, RESTORE, XREAD
 *       and XREADGROUP (BLOCK makes them blocking) and the subcommands of CLIENT, CONFIG, CLUSTER,
 *       SCRIPT, FUNCTION, ACL…. Without arguments the least safe classification of the name is used.</li>
 *   <li>Unknown commands (modules, newer Redis) are {@code NON_IDEMPOTENT}: retried only when they
 *       certainly never reached the server.</li>
 * </ul>
 */
public final class CommandSafety {

    private final Map<String, CommandRule> rules;
    private final CommandNameTable table;

    private CommandSafety(Map<String, CommandRule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
        this.table = new CommandNameTable(rules);
    }

    private static final CommandSafety BUILT_IN = new CommandSafety(BuiltInCommands.rules());

    /** The built-in table ({@link BuiltInCommands}). */
    public static CommandSafety builtIn() {
        return BUILT_IN;
    }

    /**
     * This table with the user's lists applied: each name in {@code idempotent} becomes {@link
     * Safety#IDEMPOTENT_WRITE}, each name in {@code never} becomes {@link Safety#NEVER} (never wins
     * over idempotent). Names are case-insensitive; {@code CLIENT|KILL} names a subcommand.
     */
    public CommandSafety withUserLists(Collection<String> idempotent, Collection<String> never) {
        if ((idempotent == null || idempotent.isEmpty()) && (never == null || never.isEmpty())) {
            return this;
        }
        Map<String, CommandRule> copy = new LinkedHashMap<>(rules);
        if (idempotent != null) {
            for (String name : idempotent) {
                override(copy, name, Fixed.IDEMPOTENT_WRITE);
            }
        }
        if (never != null) {
            for (String name : never) {
                override(copy, name, Fixed.NEVER);
            }
        }
        return new CommandSafety(copy);
    }

    private static void override(Map<String, CommandRule> rules, String name, CommandRule rule) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            return;
        }
        int bar = upper.indexOf('|');
        if (bar < 0) {
            rules.put(upper, rule);
            return;
        }
        String container = upper.substring(0, bar);
        String sub = upper.substring(bar + 1);
        CommandRule existing = rules.get(container);
        Map<String, CommandRule> subs = new LinkedHashMap<>();
        CommandRule unknownSub = existing == null ? Fixed.NON_IDEMPOTENT : existing;
        if (existing instanceof Container) {
            subs.putAll(((Container) existing).subs);
            unknownSub = ((Container) existing).unknownSub;
        }
        subs.put(sub, rule);
        rules.put(container, new Container(subs, unknownSub));
    }

    // ----------------------------------------------------------------------------------------------
    // Look-ups. Name only: the least safe classification the name can have. With arguments: exact.

    /** The classification of a command known only by name (least safe over its possible arguments). */
    public Safety classify(String command) {
        CommandRule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : rule.worst();
    }

    /** As {@link #classify(String)}, for a name in bytes (as Jedis sends it). */
    public Safety classify(byte[] command) {
        CommandRule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : rule.worst();
    }

    /** Jedis 3: {@code sendCommand(cmd, byte[]... args)}. */
    public Safety classify(byte[] command, byte[][] args) {
        return classify(command, args, ArgumentAccessor.BYTE_ARRAYS, 0);
    }

    public Safety classify(String command, byte[][] args) {
        return classify(command, args, ArgumentAccessor.BYTE_ARRAYS, 0);
    }

    public <A> Safety classify(String command, A args, ArgumentAccessor<A> accessor) {
        return classify(command, args, accessor, 0);
    }

    /**
     * The classification of a command with its arguments. {@code firstArgument} is the index in
     * {@code args} of the first argument after the command name (1 when {@code args} starts with the
     * name itself, as Jedis 4+ {@code CommandArguments} does).
     */
    public <A> Safety classify(String command, A args, ArgumentAccessor<A> accessor, int firstArgument) {
        CommandRule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : apply(rule, args, accessor, firstArgument);
    }

    public <A> Safety classify(byte[] command, A args, ArgumentAccessor<A> accessor, int firstArgument) {
        CommandRule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : apply(rule, args, accessor, firstArgument);
    }

    private static <A> Safety apply(CommandRule rule, A args, ArgumentAccessor<A> accessor, int offset) {
        if (args == null || accessor == null) {
            return rule.worst();
        }
        try {
            return rule.classify(args, accessor, offset);
        } catch (RuntimeException unreadable) {
            return rule.worst();
        }
    }

    /**
     * True when the table has an entry of its own for the name: {@code GET}, or {@code CLIENT|KILL}
     * for a subcommand. Unknown names are still classified (as not safe); this is for tests and the
     * status view.
     */
    public boolean knows(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        int bar = upper.indexOf('|');
        if (bar < 0) {
            return rules.containsKey(upper);
        }
        CommandRule rule = rules.get(upper.substring(0, bar));
        return rule instanceof Container && ((Container) rule).subs.containsKey(upper.substring(bar + 1));
    }
}
