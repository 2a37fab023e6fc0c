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
    ATTEMPTS("a whole number from 1 (no retry) to " + ValueType.MAX_ATTEMPTS) {
        @Override
        Object parse(String text) {
            Integer value = wholeNumber(text, 1);
            return value != null && value <= MAX_ATTEMPTS ? value : null;
        }
    },
    MULTIPLIER("a number from 1 to 10, such as 4") {
        @Override
        Object parse(String text) {
            Double value = decimal(text);
            return value != null && value >= 1 && value <= 10 ? value : null;
        }

        @Override
        String format(Object value) {
            return decimalText((Double) value);
        }
    },
    RATIO("a ratio from 0 to 1 such as 0.1, or a percentage such as 10%") {
        @Override
        Object parse(String text) {
            String trimmed = text.trim();
            boolean percent = trimmed.endsWith("%");
            Double value = decimal(percent ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (value != null && percent) {
                value = value / 100;
            }
            return value != null && value >= 0 && value <= 1 ? value : null;
        }

        @Override
        String format(Object value) {
            return decimalText((Double) value);
        }
    },
    COMMAND_LIST("Redis command names separated by ';' or spaces, such as 'GETEX;XADD' (subcommands as CLIENT|KILL)") {
        @Override
        Object parse(String text) {
            java.util.List<String> names = new java.util.ArrayList<>();
            // ';' and whitespace; commas too where they survive (system properties, environment variables).
            for (String name : text.trim().split("[;,\\s]+")) {
                if (name.isEmpty()) {
                    continue;
                }
                if (!COMMAND_NAME.matcher(name).matches()) {
                    return null;
                }
                names.add(name.toUpperCase(Locale.ROOT));
            }
            return java.util.Collections.unmodifiableList(names);
        }

        @Override
        String format(Object value) {
            java.util.List<?> names = (java.util.List<?>) value;
            StringBuilder text = new StringBuilder();
            for (Object name : names) {
                text.append(text.length() == 0 ? "" : ";").append(name);
            }
            return names.isEmpty() ? "none" : text.toString();
        }
    },
    PORT("a TCP port from 1 to 65535") {
        @Override
        Object parse(String text) {
            try {
                int port = Integer.parseInt(text.trim());
                return port >= 1 && port <= 65_535 ? port : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    },
    HOST("a host name or IP address such as 127.0.0.1 (0.0.0.0: every interface)") {
        @Override
        Object parse(String text) {
            String host = text.trim();
            return host.matches("[A-Za-z0-9._:%\\-]{1,253}") ? host : null;
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
    /** More attempts than this would hold a caller for seconds behind a dead server. */
    static final int MAX_ATTEMPTS = 10;
    /** Redis command names: letters, digits and the few signs modules use ({@code FT.SEARCH}); {@code |} for subcommands. */
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9_.:\\-]+(\\|[A-Za-z0-9_.:\\-]+)?");

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

    private static Double decimal(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("\\d{1,6}(\\.\\d{1,6})?|\\.\\d{1,6}")) {
            return null;
        }
        return Double.valueOf(trimmed);
    }

    private static String decimalText(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static long unitMillis(String unit) {
        if (unit == null || "ms".equals(unit)) {
            return 1L;
        }
        switch (unit) {
            case "s":
                return 1_000L;
            case "m":
                return 60_000L;
            default:
                return 3_600_000L;
        }
    }
}
