package io.redispoolagent.sample.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} / {@code --name=value} options of one sub-command, with typed getters whose
 * error messages name the option, the bad value and what was expected.
 */
public final class Options {
    private final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /**
     * Parses {@code args} allowing only {@code allowed} option names (without the leading dashes).
     * {@code flags} are options that take no value (their value is "true").
     */
    public static Options parse(String command, List<String> args, Collection<String> allowed, Collection<String> flags)
            throws UsageException {
        Set<String> known = new LinkedHashSet<>(allowed);
        known.addAll(flags);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(
                        command + ": unexpected argument '" + arg + "' (options look like --name value)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name + " (known: " + describe(known) + ")");
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": option --" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(command + ": option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (values.containsKey(name)) {
                throw new UsageException(command + ": option --" + name + " given twice");
            }
            values.put(name, value);
        }
        return new Options(command, values);
    }

    private static String describe(Set<String> known) {
        StringBuilder sb = new StringBuilder();
        for (String k : known) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append("--").append(k);
        }
        return sb.toString();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String defaultValue) {
        String v = values.get(name);
        return v == null ? defaultValue : v;
    }

    public String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException(command + ": option --" + name + " is required");
        }
        return v;
    }

    /** An integer in [min, max]. */
    public int intValue(String name, int defaultValue, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        return parseInt(name, v, min, max);
    }

    public int requiredInt(String name, int min, int max) throws UsageException {
        return parseInt(name, required(name), min, max);
    }

    private int parseInt(String name, String v, int min, int max) throws UsageException {
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " expects a whole number from " + min + " to " + max
                    + ", got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new UsageException(
                    command + ": --" + name + " expects a whole number from " + min + " to " + max + ", got " + n);
        }
        return n;
    }

    /** A duration in milliseconds in [minMillis, maxMillis]. */
    public long durationMillis(String name, long defaultMillis, long minMillis, long maxMillis) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultMillis;
        }
        return parseDuration(name, v, minMillis, maxMillis);
    }

    public long requiredDurationMillis(String name, long minMillis, long maxMillis) throws UsageException {
        return parseDuration(name, required(name), minMillis, maxMillis);
    }

    private long parseDuration(String name, String v, long minMillis, long maxMillis) throws UsageException {
        long ms;
        try {
            ms = Durations.parseMillis(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --" + name + " " + e.getMessage());
        }
        if (ms < minMillis || ms > maxMillis) {
            throw new UsageException(command + ": --" + name + " must be between " + Durations.format(minMillis)
                    + " and " + Durations.format(maxMillis) + ", got " + v);
        }
        return ms;
    }

    /** A short duration in microseconds in [minMicros, maxMicros] (see {@link Durations#parseMicros}). */
    public long durationMicros(String name, long defaultMicros, long minMicros, long maxMicros) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultMicros;
        }
        long us;
        try {
            us = Durations.parseMicros(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --" + name + " " + e.getMessage());
        }
        if (us < minMicros || us > maxMicros) {
            throw new UsageException(command + ": --" + name + " must be between " + Durations.formatMicros(minMicros)
                    + " and " + Durations.formatMicros(maxMicros) + ", got " + v);
        }
        return us;
    }

    /** One of {@code choices} (case-insensitive), returned in lower case. */
    public String choice(String name, String defaultValue, String... choices) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        String lower = v.trim().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(choices).contains(lower)) {
            throw new UsageException(
                    command + ": --" + name + " expects one of " + String.join("|", choices) + ", got '" + v + "'");
        }
        return lower;
    }

    /** An absolute URI with one of the given schemes and a host; {@code null} when absent. */
    public URI uri(String name, String... schemes) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        String expected = "--" + name + " expects a URL like " + schemes[0] + "://127.0.0.1:PORT";
        URI uri;
        try {
            uri = new URI(v.trim());
        } catch (URISyntaxException e) {
            throw new UsageException(command + ": " + expected + ", got '" + v + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !Arrays.asList(schemes).contains(scheme) || uri.getHost() == null) {
            throw new UsageException(command + ": " + expected + ", got '" + v + "'");
        }
        if (uri.getPort() > 65535) {
            throw new UsageException(command + ": " + expected + ", got port " + uri.getPort());
        }
        return uri;
    }
}
