package io.redispoolagent.config;

/** How explicit settings, a profile and the rules that tie settings together combine. */
final class SizingDefaults {

    private SizingDefaults() {
    }

    /**
     * Explicit values over the profile, then: maxIdle follows maxTotal unless set itself (an idle cap
     * below the size makes a busy pool close and reopen connections on every burst), and minIdle never
     * exceeds maxIdle (commons-pool2 would silently use the smaller one anyway).
     */
    static PoolSettings complete(PoolSettings explicit, PoolSettings profile) {
        PoolSettings merged = layer(explicit, profile);
        Integer maxIdle = explicit.maxIdle() != null ? explicit.maxIdle() : merged.maxTotal();
        Integer minIdle = merged.minIdle();
        if (minIdle != null && maxIdle != null && minIdle > maxIdle) {
            minIdle = maxIdle;
        }
        return PoolSettings.builder()
                .maxTotal(merged.maxTotal()).maxIdle(maxIdle).minIdle(minIdle)
                .maxWaitMillis(merged.maxWaitMillis()).testWhileIdle(merged.testWhileIdle())
                .evictionIntervalMillis(merged.evictionIntervalMillis())
                .build();
    }

    /** Each field from {@code top} where it is set, else from {@code bottom}. */
    static PoolSettings layer(PoolSettings top, PoolSettings bottom) {
        PoolSettings.Builder builder = PoolSettings.builder();
        for (ConfigKey key : ConfigKey.values()) {
            if (key.isPoolSetting()) {
                Object value = top.get(key);
                builder.set(key, value != null ? value : bottom.get(key));
            }
        }
        return builder.build();
    }
}
