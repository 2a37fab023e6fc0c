package io.redispoolagent.pool;

/** The commons-pool2 settings the agent reads and may change, and how each is shown in a log line. */
public enum PoolSetting {
    MAX_TOTAL("maxTotal"),
    MAX_IDLE("maxIdle"),
    MIN_IDLE("minIdle"),
    MAX_WAIT("maxWait"),
    BLOCK_WHEN_EXHAUSTED("blockWhenExhausted"),
    TEST_WHILE_IDLE("testWhileIdle"),
    EVICTION_INTERVAL("evictionInterval");

    private final String displayName;

    PoolSetting(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Writes a value as commons-pool2 means it: -1 is "unlimited" for sizes and "forever" for waits. */
    String format(long value) {
        switch (this) {
            case MAX_TOTAL:
            case MAX_IDLE:
                return value < 0 ? "unlimited" : Long.toString(value);
            case MAX_WAIT:
                return value < 0 ? "forever" : formatMillis(value);
            case EVICTION_INTERVAL:
                return value <= 0 ? "off" : formatMillis(value);
            case BLOCK_WHEN_EXHAUSTED:
            case TEST_WHILE_IDLE:
                return value != 0 ? "true" : "false";
            default:
                return Long.toString(value);
        }
    }

    private static String formatMillis(long millis) {
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }
}
