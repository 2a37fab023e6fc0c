package io.redispoolagent.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Values of the pool settings the agent manages, as {@link PoolSetting} longs. A setting without a
 * value is not managed: the pool keeps its own. Immutable.
 */
public final class PoolSettings {

    public static final PoolSettings NONE = builder().build();

    private final Map<PoolSetting, Long> values;

    private PoolSettings(Map<PoolSetting, Long> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of a setting, or null when it is not managed. */
    public Long get(PoolSetting setting) {
        return values.get(setting);
    }

    /** Each value from this where it is set, else from {@code below}. */
    PoolSettings over(PoolSettings below) {
        EnumMap<PoolSetting, Long> merged = copy(below.values);
        merged.putAll(values);
        return new PoolSettings(merged);
    }

    Builder toBuilder() {
        Builder builder = new Builder();
        builder.values.putAll(values);
        return builder;
    }

    private static EnumMap<PoolSetting, Long> copy(Map<PoolSetting, Long> values) {
        return values.isEmpty() ? new EnumMap<PoolSetting, Long>(PoolSetting.class) : new EnumMap<>(values);
    }

    public static final class Builder {
        private final EnumMap<PoolSetting, Long> values = new EnumMap<>(PoolSetting.class);

        private Builder() {}

        /** Sets a value ({@link PoolSetting} terms: durations in milliseconds, flags 0 or 1); null unsets it. */
        public Builder set(PoolSetting setting, Long value) {
            if (value == null) {
                values.remove(setting);
            } else {
                values.put(setting, value);
            }
            return this;
        }

        public Builder set(PoolSetting setting, long value) {
            return set(setting, Long.valueOf(value));
        }

        public Builder set(PoolSetting setting, boolean value) {
            return set(setting, value ? 1L : 0L);
        }

        public PoolSettings build() {
            return new PoolSettings(copy(values));
        }
    }
}
