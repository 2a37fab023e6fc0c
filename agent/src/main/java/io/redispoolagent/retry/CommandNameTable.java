package io.redispoolagent.retry;

import static io.redispoolagent.retry.CommandRule.upper;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Open addressing on case-folded names, so that a {@code String}, a {@code byte[]} or an argument
 * read through an accessor can all be looked up without building a key.
 */
final class CommandNameTable {
    private final byte[][] names;
    private final CommandRule[] rules;
    private final int mask;

    CommandNameTable(Map<String, CommandRule> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
        names = new byte[size][];
        rules = new CommandRule[size];
        mask = size - 1;
        for (Map.Entry<String, CommandRule> entry : entries.entrySet()) {
            byte[] name = entry.getKey().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            int slot = mix(hash(name)) & mask;
            while (names[slot] != null) {
                slot = (slot + 1) & mask;
            }
            names[slot] = name;
            rules[slot] = entry.getValue();
        }
    }

    CommandRule find(String name) {
        if (name == null) {
            return null;
        }
        int length = name.length();
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + upper(name.charAt(i));
        }
        for (int slot = mix(h) & mask; names[slot] != null; slot = (slot + 1) & mask) {
            byte[] candidate = names[slot];
            if (candidate.length == length && matches(candidate, name)) {
                return rules[slot];
            }
        }
        return null;
    }

    CommandRule find(byte[] name) {
        if (name == null) {
            return null;
        }
        int h = hash(name);
        for (int slot = mix(h) & mask; names[slot] != null; slot = (slot + 1) & mask) {
            byte[] candidate = names[slot];
            if (candidate.length == name.length && matches(candidate, name)) {
                return rules[slot];
            }
        }
        return null;
    }

    <A> CommandRule find(A args, ArgumentAccessor<A> accessor, int index) {
        int length = accessor.length(args, index);
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + upper(accessor.byteAt(args, index, i));
        }
        for (int slot = mix(h) & mask; names[slot] != null; slot = (slot + 1) & mask) {
            byte[] candidate = names[slot];
            if (candidate.length == length && matches(candidate, args, accessor, index)) {
                return rules[slot];
            }
        }
        return null;
    }

    private static int hash(byte[] name) {
        int h = 0;
        for (byte b : name) {
            h = 31 * h + upper(b & 0xff);
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private static boolean matches(byte[] candidate, String name) {
        for (int i = 0; i < candidate.length; i++) {
            if (candidate[i] != upper(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] candidate, byte[] name) {
        for (int i = 0; i < candidate.length; i++) {
            if (candidate[i] != upper(name[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static <A> boolean matches(byte[] candidate, A args, ArgumentAccessor<A> accessor, int index) {
        for (int i = 0; i < candidate.length; i++) {
            if (candidate[i] != upper(accessor.byteAt(args, index, i))) {
                return false;
            }
        }
        return true;
    }
}
