package io.redispoolagent.config;

import java.util.Locale;

/** Every configuration key the agent reads, with its type and meaning. */
public enum ConfigKey {
    ENV(
            "env",
            ValueType.ENVIRONMENT,
            "Deployment environment whose profile sizes the pools. Unset: observe mode, nothing is changed."),
    MODE(
            "mode",
            ValueType.MODE,
            "enforce applies the profile and overrides; floor only raises what is below them;"
                    + " observe changes nothing. Default: enforce when an environment is named, else observe."),
    MAX_TOTAL("maxTotal", ValueType.POSITIVE_INT, "Most connections a pool may open (commons-pool2 maxTotal)."),
    MAX_IDLE(
            "maxIdle",
            ValueType.NON_NEGATIVE_INT,
            "Most idle connections a pool keeps. Default: the same as maxTotal."),
    MIN_IDLE(
            "minIdle", ValueType.NON_NEGATIVE_INT, "Idle connections the health check keeps open (capped at maxIdle)."),
    MAX_WAIT(
            "maxWait",
            ValueType.DURATION,
            "Longest a borrower waits for a connection before the pool gives up (and blocks instead of"
                    + " failing at once while it waits)."),
    TEST_WHILE_IDLE("testWhileIdle", ValueType.BOOLEAN, "Whether the health check validates idle connections."),
    EVICTION_INTERVAL(
            "evictionInterval", ValueType.DURATION, "How often the health check (commons-pool2 evictor) runs."),
    LOG_LEVEL("log.level", ValueType.LOG_LEVEL, "Threshold of the agent's own stderr lines."),
    STATUS_PORT(
            "status.port",
            ValueType.PORT,
            "Port of the JSON status view (per pool: use, exhaustion, waits, recommendations)."
                    + " Unset: no status view, no port opened."),
    STATUS_HOST("status.host", ValueType.HOST, "Interface the status view listens on; 0.0.0.0 for every interface."),
    LEAK_THRESHOLD(
            "leakThreshold",
            ValueType.DURATION,
            "Report a connection held longer than this as a possible leak, with the borrower's stack."
                    + " Unset: no leak detection (it captures a stack per borrow)."),
    RETRY_ENABLED(
            "retry.enabled",
            ValueType.BOOLEAN,
            "Retry commands that fail on a broken connection or a connect error, where safe, and keep"
                    + " Lettuce from replaying unsafe commands after a reconnect."
                    + " Default: on in enforce and floor modes, off in observe mode (observe changes nothing)."),
    RETRY_MAX_ATTEMPTS(
            "retry.maxAttempts", ValueType.ATTEMPTS, "Attempts per command, the first included: 4 = 1 + 3 retries."),
    RETRY_INITIAL_BACKOFF(
            "retry.initialBackoff",
            ValueType.DURATION,
            "Pause before the first retry; each further pause is multiplier times longer."),
    RETRY_MAX_BACKOFF("retry.maxBackoff", ValueType.DURATION, "Longest pause between two attempts."),
    RETRY_MULTIPLIER(
            "retry.multiplier",
            ValueType.MULTIPLIER,
            "Growth of the pause from one retry to the next (8ms x 4: 8, 32, 128ms)."),
    RETRY_JITTER(
            "retry.jitter",
            ValueType.BOOLEAN,
            "Randomise each pause d uniformly within [d/2, d] (equal jitter), so clients cut off together"
                    + " do not retry together; false: exactly d."),
    RETRY_DEADLINE(
            "retry.deadline",
            ValueType.DURATION,
            "Longest a command may take with its retries: no retry starts that would end later."),
    RETRY_BUDGET(
            "retry.budget",
            ValueType.RATIO,
            "Retries allowed per request, over the last ~10s and per pool (0.1: at most 10% extra load)."),
    RETRY_BUDGET_MIN_PER_SECOND(
            "retry.budgetMinPerSecond",
            ValueType.NON_NEGATIVE_INT,
            "Retries per second a pool may make however few requests it serves."),
    RETRY_IDEMPOTENT(
            "retry.idempotent",
            ValueType.COMMAND_LIST,
            "Commands to treat as safe to repeat, besides the built-in table; separated by ';' or spaces"
                    + " (commas separate agent arguments), subcommands as CLIENT|KILL."),
    RETRY_NEVER(
            "retry.never",
            ValueType.COMMAND_LIST,
            "Commands never to retry, whatever else says so; separated by ';' or spaces.");

    public static final String PREFIX = "redis.pool.";

    private final String shortName;
    private final ValueType type;
    private final String description;

    ConfigKey(String shortName, ValueType type, String description) {
        this.shortName = shortName;
        this.type = type;
        this.description = description;
    }

    /** The system-property name, such as {@code redis.pool.maxTotal}. */
    public String key() {
        return PREFIX + shortName;
    }

    /** The name without prefix, as written in agent arguments: {@code maxTotal}. */
    public String shortName() {
        return shortName;
    }

    /** The environment-variable name, such as {@code REDIS_POOL_MAX_TOTAL}. */
    public String environmentVariable() {
        return "REDIS_POOL_"
                + shortName
                        .replaceAll("([a-z])([A-Z])", "$1_$2")
                        .replace('.', '_')
                        .toUpperCase(Locale.ROOT);
    }

    /** True for the keys that size a pool, the ones a profile sets and a pool override may name. */
    public boolean isPoolSetting() {
        return PoolSetting.of(this) != null;
    }

    public String description() {
        return description;
    }

    /** Writes a value of this key as a user would type it ({@code 2s}, {@code production}); "-" for none. */
    public String format(Object value) {
        return value == null ? "-" : type.format(value);
    }

    ValueType type() {
        return type;
    }

    /** Finds a key by its full or short name, or returns null. */
    public static ConfigKey find(String name) {
        String wanted = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        for (ConfigKey key : values()) {
            if (key.shortName.equals(wanted)) {
                return key;
            }
        }
        return null;
    }

    /**
     * Finds a key from the part of an environment variable after {@code REDIS_POOL_}: both
     * {@code MAX_TOTAL} and {@code MAXTOTAL} name maxTotal, as people write either.
     */
    static ConfigKey findByEnvironmentSuffix(String suffix) {
        String wanted = squash(suffix);
        for (ConfigKey key : values()) {
            if (squash(key.shortName).equals(wanted)) {
                return key;
            }
        }
        return null;
    }

    private static String squash(String name) {
        return name.replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
    }
}
