package io.redispoolagent.config;

/**
 * The pool settings the agent manages. A null field means "not managed": the pool keeps its own value.
 */
public final class PoolSettings {

    public static final PoolSettings NONE = builder().build();

    private final Integer maxTotal;
    private final Integer maxIdle;
    private final Integer minIdle;
    private final Long maxWaitMillis;
    private final Boolean testWhileIdle;
    private final Long evictionIntervalMillis;

    private PoolSettings(Builder builder) {
        this.maxTotal = builder.maxTotal;
        this.maxIdle = builder.maxIdle;
        this.minIdle = builder.minIdle;
        this.maxWaitMillis = builder.maxWaitMillis;
        this.testWhileIdle = builder.testWhileIdle;
        this.evictionIntervalMillis = builder.evictionIntervalMillis;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Integer maxTotal() {
        return maxTotal;
    }

    public Integer maxIdle() {
        return maxIdle;
    }

    public Integer minIdle() {
        return minIdle;
    }

    public Long maxWaitMillis() {
        return maxWaitMillis;
    }

    public Boolean testWhileIdle() {
        return testWhileIdle;
    }

    public Long evictionIntervalMillis() {
        return evictionIntervalMillis;
    }

    /** The value of one pool-setting key, for code that walks the keys generically; null if not managed. */
    public Object get(ConfigKey key) {
        switch (key) {
            case MAX_TOTAL: return maxTotal;
            case MAX_IDLE: return maxIdle;
            case MIN_IDLE: return minIdle;
            case MAX_WAIT: return maxWaitMillis;
            case TEST_WHILE_IDLE: return testWhileIdle;
            case EVICTION_INTERVAL: return evictionIntervalMillis;
            default: throw new IllegalArgumentException(key + " is not a pool setting");
        }
    }

    public static final class Builder {
        private Integer maxTotal;
        private Integer maxIdle;
        private Integer minIdle;
        private Long maxWaitMillis;
        private Boolean testWhileIdle;
        private Long evictionIntervalMillis;

        private Builder() {
        }

        public Builder maxTotal(Integer value) {
            this.maxTotal = value;
            return this;
        }

        public Builder maxIdle(Integer value) {
            this.maxIdle = value;
            return this;
        }

        public Builder minIdle(Integer value) {
            this.minIdle = value;
            return this;
        }

        public Builder maxWaitMillis(Long value) {
            this.maxWaitMillis = value;
            return this;
        }

        Builder maxWaitMillis(long value) {
            return maxWaitMillis(Long.valueOf(value));
        }

        public Builder testWhileIdle(Boolean value) {
            this.testWhileIdle = value;
            return this;
        }

        public Builder evictionIntervalMillis(Long value) {
            this.evictionIntervalMillis = value;
            return this;
        }

        Builder evictionIntervalMillis(long value) {
            return evictionIntervalMillis(Long.valueOf(value));
        }

        /** Sets one sizing key from an already parsed value. */
        Builder set(ConfigKey key, Object value) {
            switch (key) {
                case MAX_TOTAL: return maxTotal((Integer) value);
                case MAX_IDLE: return maxIdle((Integer) value);
                case MIN_IDLE: return minIdle((Integer) value);
                case MAX_WAIT: return maxWaitMillis((Long) value);
                case TEST_WHILE_IDLE: return testWhileIdle((Boolean) value);
                case EVICTION_INTERVAL: return evictionIntervalMillis((Long) value);
                default: throw new IllegalArgumentException(key + " is not a pool setting");
            }
        }

        public PoolSettings build() {
            return new PoolSettings(this);
        }
    }
}
