package io.redispoolagent.retry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one command is classified: a fixed classification, or one decided by its arguments (the kinds
 * of argument rule the table needs, and the allocation-free helpers they read arguments with).
 * {@code offset} is the index of the command's first argument. Without a {@link #classify} of its own
 * a rule is fixed: every call is classified as its worst.
 */
abstract class CommandRule {
    private final Safety worst;

    CommandRule(Safety worst) {
        this.worst = worst;
    }

    /** The least safe classification over all arguments. */
    final Safety worst() {
        return worst;
    }

    <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
        return worst;
    }

    static final class Fixed extends CommandRule {
        static final Fixed READ = new Fixed(Safety.READ);
        static final Fixed IDEMPOTENT_WRITE = new Fixed(Safety.IDEMPOTENT_WRITE);
        static final Fixed NON_IDEMPOTENT = new Fixed(Safety.NON_IDEMPOTENT);
        static final Fixed NEVER = new Fixed(Safety.NEVER);

        private Fixed(Safety safety) {
            super(safety);
        }
    }

    /** A command whose first argument is a subcommand (CLIENT KILL, CONFIG GET…). */
    static final class Container extends CommandRule {
        final Map<String, CommandRule> subs;
        final CommandRule unknownSub;
        private final CommandNameTable table;

        Container(Map<String, CommandRule> subs, CommandRule unknownSub) {
            super(worstOf(subs.values()));
            this.subs = subs;
            this.unknownSub = unknownSub;
            this.table = new CommandNameTable(subs);
        }

        private static Safety worstOf(Collection<CommandRule> rules) {
            Safety worst = Safety.READ;
            for (CommandRule rule : rules) {
                worst = worst.worse(rule.worst());
            }
            return worst;
        }

        Container with(String sub, CommandRule rule) {
            Map<String, CommandRule> copy = new LinkedHashMap<>(subs);
            copy.put(sub, rule);
            return new Container(copy, unknownSub);
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            if (accessor.count(args) <= offset) {
                return worst();
            }
            CommandRule rule = table.find(args, accessor, offset);
            return rule == null ? unknownSub.worst() : rule.classify(args, accessor, offset + 1);
        }
    }

    /**
     * {@code without}, or {@code with} when one of {@code options} appears from argument {@code first}
     * on. Starting after the fixed arguments keeps a key or value spelled like an option (SET k NX)
     * from being read as one.
     */
    static final class OptionRule extends CommandRule {
        private final Safety without;
        private final Safety with;
        private final int first;
        private final String[] options;

        OptionRule(Safety without, Safety with, int first, String... options) {
            super(without.worse(with));
            this.without = without;
            this.with = with;
            this.first = first;
            this.options = options;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            for (int i = offset + first; i < count; i++) {
                if (isOneOf(args, accessor, i, options)) {
                    return with;
                }
            }
            return without;
        }
    }

    /**
     * Commands that compute into a destination key: idempotent, unless the destination is also one of
     * the sources (ZUNIONSTORE d d k sums again, BITOP NOT d d flips back, ZRANGESTORE d d 1 -1 drops again).
     */
    static final class StoreRule extends CommandRule {
        private final int destination;

        StoreRule(int destination) {
            super(Safety.NON_IDEMPOTENT);
            this.destination = destination;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            int dest = offset + destination;
            if (count <= dest) {
                return Safety.NON_IDEMPOTENT;
            }
            for (int i = dest + 1; i < count; i++) {
                if (same(args, accessor, dest, i)) {
                    return Safety.NON_IDEMPOTENT;
                }
            }
            return Safety.IDEMPOTENT_WRITE;
        }
    }

    /** SORT and GEORADIUS read, unless told to STORE, then they are a {@link StoreRule} on the source key. */
    static final class OptionalStoreRule extends CommandRule {
        private final String[] stores;

        OptionalStoreRule(String... stores) {
            super(Safety.NON_IDEMPOTENT);
            this.stores = stores;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            for (int i = offset + 1; i < count - 1; i++) {
                if (isOneOf(args, accessor, i, stores)) {
                    return same(args, accessor, offset, i + 1) ? Safety.NON_IDEMPOTENT : Safety.IDEMPOTENT_WRITE;
                }
            }
            return Safety.READ;
        }
    }

    /** XREAD / XREADGROUP: BLOCK (before STREAMS) makes them blocking commands. */
    static final class BlockRule extends CommandRule {
        private final Safety unblocked;

        BlockRule(Safety unblocked) {
            super(Safety.NEVER);
            this.unblocked = unblocked;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            for (int i = offset; i < count; i++) {
                if (is(args, accessor, i, "STREAMS")) {
                    return unblocked;
                }
                if (is(args, accessor, i, "BLOCK")) {
                    return Safety.NEVER;
                }
            }
            return Safety.NEVER; // no STREAMS: not a command we can read, stay safe
        }
    }

    // Argument helpers, for the rules here and in BuiltInCommands: they allocate nothing.

    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    /** True when argument {@code index} is the ASCII word {@code upperCase}, ignoring case. */
    static <A> boolean is(A args, ArgumentAccessor<A> accessor, int index, String upperCase) {
        int length = upperCase.length();
        if (accessor.length(args, index) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (upper(accessor.byteAt(args, index, i)) != upperCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when argument {@code index} is one of the ASCII words {@code upperCase}, ignoring case. */
    static <A> boolean isOneOf(A args, ArgumentAccessor<A> accessor, int index, String[] upperCase) {
        for (String word : upperCase) {
            if (is(args, accessor, index, word)) {
                return true;
            }
        }
        return false;
    }

    static <A> boolean same(A args, ArgumentAccessor<A> accessor, int a, int b) {
        int length = accessor.length(args, a);
        if (accessor.length(args, b) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (accessor.byteAt(args, a, i) != accessor.byteAt(args, b, i)) {
                return false;
            }
        }
        return true;
    }

    /** The argument as a decimal integer, or {@link #NOT_A_NUMBER}. */
    static <A> long integer(A args, ArgumentAccessor<A> accessor, int index) {
        int length = accessor.length(args, index);
        if (length == 0 || length > 18) {
            return NOT_A_NUMBER;
        }
        boolean negative = accessor.byteAt(args, index, 0) == '-';
        int i = negative ? 1 : 0;
        if (i == length) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (; i < length; i++) {
            int digit = accessor.byteAt(args, index, i) - '0';
            if (digit < 0 || digit > 9) {
                return NOT_A_NUMBER;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
    }
}
