package io.redispoolagent.config;

/**
 * The one description of each pool setting the agent reads and may change: the configuration key
 * that sets it, how its value is written, and how floor mode moves it.
 * Values cross as {@code long} in commons-pool2's own terms: sizes and counts as numbers (negative
 * maxTotal/maxIdle: unlimited), durations as milliseconds (negative maxWait: forever; an eviction
 * interval of zero or less: no health check), flags as 0 or 1.
 *
 * <p>Adding a setting means a constant here, its {@link ConfigKey}, its value in each {@link
 * Environment} profile and a line in the README.
 */
public enum PoolSetting {
    MAX_TOTAL(ConfigKey.MAX_TOTAL, Kind.SIZE),
    MAX_IDLE(ConfigKey.MAX_IDLE, Kind.SIZE),
    MIN_IDLE(ConfigKey.MIN_IDLE, Kind.COUNT),
    MAX_WAIT(ConfigKey.MAX_WAIT, Kind.WAIT),
    /** Never set by the user: turned on with a bounded maxWait, which means nothing to a pool that fails at once. */
    BLOCK_WHEN_EXHAUSTED("blockWhenExhausted", Kind.FLAG),
    TEST_WHILE_IDLE(ConfigKey.TEST_WHILE_IDLE, Kind.FLAG),
    EVICTION_INTERVAL(ConfigKey.EVICTION_INTERVAL, Kind.INTERVAL);

    /** How a kind of value is written and how floor mode treats it. */
    enum Kind {
        /** A size: floor raises it, never lowers it, and leaves an unlimited (negative) one alone. */
        SIZE,
        /** A count of connections kept: floor raises it. */
        COUNT,
        /** A wait: floor lengthens a bounded one, never shortens it, and leaves an endless one alone. */
        WAIT,
        /** A switch: floor turns it on, never off. */
        FLAG,
        /** A period: floor starts what does not run (zero or less) and keeps the period of what does. */
        INTERVAL
    }

    private final ConfigKey key;
    private final Kind kind;
    private final String displayName;

    PoolSetting(ConfigKey key, Kind kind) {
        this.key = key;
        this.kind = kind;
        this.displayName = key.shortName();
    }

    /** A setting the agent derives, set by no key of its own. */
    PoolSetting(String displayName, Kind kind) {
        this.key = null;
        this.kind = kind;
        this.displayName = displayName;
    }

    /** The configuration key that sets it, or null for a setting the agent derives. */
    public ConfigKey key() {
        return key;
    }

    /** The name in log lines: the configuration key's short name. */
    public String displayName() {
        return displayName;
    }

    /** Its member name in the status view's JSON: durations say their unit ({@code maxWaitMillis}). */
    public String jsonName() {
        return kind == Kind.WAIT || kind == Kind.INTERVAL ? displayName + "Millis" : displayName;
    }

    /** A value as the status view's JSON shows it: a boolean for a switch, else the number. */
    public Object jsonValue(long value) {
        return kind == Kind.FLAG ? (Object) (value != 0) : (Object) value;
    }

    /** The setting a configuration key sets, or null for a key that is not a pool setting. */
    public static PoolSetting of(ConfigKey key) {
        for (PoolSetting setting : values()) {
            if (setting.key == key && key != null) {
                return setting;
            }
        }
        return null;
    }

    /** The value the pool should get: {@code wanted}, or in floor mode what floor allows of it. */
    public long planned(long current, long wanted, boolean floor) {
        if (!floor) {
            return wanted;
        }
        switch (kind) {
            case SIZE:
                return current < 0 ? current : Math.max(current, wanted);
            case COUNT:
                return Math.max(current, wanted);
            case WAIT:
                return current >= 0 && current < wanted ? wanted : current;
            case FLAG:
                return current != 0 || wanted != 0 ? 1 : 0;
            default:
                return current > 0 ? current : wanted;
        }
    }

    /** A parsed configuration value ({@link ValueType}: Integer, Long or Boolean) as this setting's long. */
    long toLong(Object value) {
        return value instanceof Boolean ? ((Boolean) value ? 1 : 0) : ((Number) value).longValue();
    }

    /** A configured value as a user would type it ({@code 2s}, {@code 160}); "-" for none. */
    public String describe(Long value) {
        return key.format(value == null ? null : toValue(value));
    }

    /** This setting's long as its configuration key's value type, for display and comparison. */
    Object toValue(long value) {
        switch (kind) {
            case FLAG:
                return value != 0;
            case SIZE:
            case COUNT:
                return (int) value;
            default:
                return value;
        }
    }

    /** Writes a value as commons-pool2 means it: -1 is "unlimited" for sizes and "forever" for waits. */
    public String format(long value) {
        switch (kind) {
            case SIZE:
                return value < 0 ? "unlimited" : Long.toString(value);
            case WAIT:
                return value < 0 ? "forever" : formatMillis(value);
            case INTERVAL:
                return value <= 0 ? "off" : formatMillis(value);
            case FLAG:
                return value != 0 ? "true" : "false";
            default:
                return Long.toString(value);
        }
    }

    private static String formatMillis(long millis) {
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }
}
