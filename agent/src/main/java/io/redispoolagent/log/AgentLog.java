package io.redispoolagent.log;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only logger: one {@code [redis-pool-agent] LEVEL message} line per event on stderr.
 *
 * <p>The agent carries no logging framework on purpose: it must never meet the application's own
 * SLF4J/Logback/Log4j, and it must keep working before the application has configured any of them.
 */
public final class AgentLog {

    public enum Level {
        ERROR,
        WARN,
        INFO,
        DEBUG;

        /** Parses a level name in any case, or returns null when it is not one. */
        public static Level parse(String text) {
            for (Level level : values()) {
                if (level.name().equalsIgnoreCase(text.trim())) {
                    return level;
                }
            }
            return null;
        }
    }

    private static final String PREFIX = "[redis-pool-agent] ";
    private static final Set<String> ONCE_KEYS = ConcurrentHashMap.newKeySet();
    private static volatile Level threshold = Level.INFO;

    private AgentLog() {}

    public static void setLevel(Level level) {
        threshold = level;
    }

    public static boolean isEnabled(Level level) {
        return level.ordinal() <= threshold.ordinal();
    }

    public static void error(String message) {
        log(Level.ERROR, message, null);
    }

    public static void error(String message, Throwable cause) {
        log(Level.ERROR, message, cause);
    }

    public static void warn(String message) {
        log(Level.WARN, message, null);
    }

    public static void info(String message) {
        log(Level.INFO, message, null);
    }

    public static void debug(String message) {
        log(Level.DEBUG, message, null);
    }

    /**
     * Logs a warning the first time {@code onceKey} is seen and never again in this JVM, so a failure
     * that repeats on every call (a hook on a hot path, say) cannot flood the application's stderr.
     */
    public static void warnOnce(String onceKey, String message, Throwable cause) {
        once(Level.WARN, onceKey, message, cause);
    }

    /** As {@link #warnOnce}, for a notice: a behaviour of the agent worth saying once, not a problem. */
    public static void infoOnce(String onceKey, String message) {
        once(Level.INFO, onceKey, message, null);
    }

    private static void once(Level level, String onceKey, String message, Throwable cause) {
        if (ONCE_KEYS.add(onceKey)) {
            log(level, message, cause);
        }
    }

    private static void log(Level level, String message, Throwable cause) {
        if (!isEnabled(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(PREFIX.length() + 8 + message.length())
                .append(PREFIX)
                .append(level.name())
                .append(' ')
                .append(message);
        if (cause != null) {
            line.append(" (").append(describe(cause)).append(')');
        }
        // Looked up on every call: the application may replace System.err after the agent started.
        PrintStream err = System.err;
        err.println(line);
        if (cause != null && isEnabled(Level.DEBUG)) {
            cause.printStackTrace(err);
        }
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        String type = cause.getClass().getName();
        return text == null ? type : type + ": " + text;
    }

    /** The text a user types for a level, as shown in usage and configuration output. */
    public static String levelNames() {
        StringBuilder names = new StringBuilder();
        for (Level level : Level.values()) {
            if (names.length() > 0) {
                names.append('|');
            }
            names.append(level.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }
}
