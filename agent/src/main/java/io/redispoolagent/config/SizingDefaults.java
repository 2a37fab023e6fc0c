package io.redispoolagent.config;

/** How explicit settings, a profile and the rules that tie settings together combine. */
final class SizingDefaults {

    private SizingDefaults() {}

    /**
     * Explicit values over the profile, then: maxIdle follows maxTotal unless set itself (an idle cap
     * below the size makes a busy pool close and reopen connections on every burst), and minIdle never
     * exceeds maxIdle (commons-pool2 would silently use the smaller one anyway).
     */
    static PoolSettings complete(PoolSettings explicit, PoolSettings profile) {
        PoolSettings merged = explicit.over(profile);
        Long maxIdle = explicit.get(PoolSetting.MAX_IDLE) != null
                ? explicit.get(PoolSetting.MAX_IDLE)
                : merged.get(PoolSetting.MAX_TOTAL);
        Long minIdle = merged.get(PoolSetting.MIN_IDLE);
        if (minIdle != null && maxIdle != null && minIdle > maxIdle) {
            minIdle = maxIdle;
        }
        return merged.toBuilder()
                .set(PoolSetting.MAX_IDLE, maxIdle)
                .set(PoolSetting.MIN_IDLE, minIdle)
                .build();
    }
}
