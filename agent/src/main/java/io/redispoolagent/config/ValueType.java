package io.redispoolagent.config;

import io.redispoolagent.log.AgentLog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a configuration value is read from text, and how it is written back for people. */
enum ValueType {
    POSITIVE_INT("a whole number from 1 to " + ValueType.MAX_CONNECTIONS) {
        @Override
        Object parse(String text) {
            return wholeNumber(text, 1);
        }
    },
    NON_NEGATIVE_INT("a whole number from 0 to " + ValueType.MAX_CONNECTIONS) {
        @Override
        Object parse(String text) {
            return wholeNumber(text, 0);
        }
    },
    DURATION("a duration above zero such as 250ms, 2s or 1m") {
        @Override
        Object parse(String text) {
            Matcher matcher = DURATION_PATTERN.matcher(text.trim().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                return null;
            }
            long amount;
            try {
                amount = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException tooLong) {
                return null;
            }
            long millis = amount * unitMillis(matcher.group(2));
            return amount > 0 && amount <= MAX_DURATION_MILLIS && millis <= MAX_DURATION_MILLIS ? millis : null;
        }

        @Override
        String format(Object value) {
            long millis = (Long) value;
            return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
        }
    },
    BOOLEAN("true or false") {
        @Override
        Object parse(String text) {
            String wanted = text.trim();
            if ("true".equalsIgnoreCase(wanted)) {
                return Boolean.TRUE;
            }
            return "false".equalsIgnoreCase(wanted) ? Boolean.FALSE : null;
        }
    },
    ENVIRONMENT("development, staging or production (or dev, stage, prod)") {
        @Override
        Object parse(String text) {
            return Environment.parse(text);
        }

        @Override
        String format(Object value) {
            return ((Environment) value).displayName();
        }
    },
    MODE("enforce, floor or observe") {
        @Override
        Object parse(String text) {
            return Mode.parse(text);
        }

        @Override
        String format(Object value) {
            return ((Mode) value).displayName();
        }
    },
    LOG_LEVEL(AgentLog.levelNames()) {
        @Override
        Object parse(String text) {
            return AgentLog.Level.parse(text);
        }

        @Override
        String format(Object value) {
            return ((AgentLog.Level) value).name().toLowerCase(Locale.ROOT);
        }
    };

    /** Far above any sane pool, low enough that a typo of extra zeros is caught. */
    static final int MAX_CONNECTIONS = 100_000;
    /** One day: nothing the agent times (waits, health checks) should be longer. */
    static final long MAX_DURATION_MILLIS = 86_400_000L;
    private static final Pattern DURATION_PATTERN = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

    private final String expected;

    ValueType(String expected) {
        this.expected = expected;
    }

    /** What a valid value looks like, for warnings. */
    String expected() {
        return expected;
    }

    /** The parsed value, or null when the text is not a valid value of this type. */
    abstract Object parse(String text);

    String format(Object value) {
        return String.valueOf(value);
    }

    private static Integer wholeNumber(String text, int min) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= min && value <= MAX_CONNECTIONS ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static long unitMillis(String unit) {
        if (unit == null || "ms".equals(unit)) {
            return 1L;
        }
        switch (unit) {
            case "s": return 1_000L;
            case "m": return 60_000L;
            default: return 3_600_000L;
        }
    }
}
