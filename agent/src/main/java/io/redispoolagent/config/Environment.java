package io.redispoolagent.config;

import java.util.Locale;

/** A deployment environment and the pool profile it stands for. */
public enum Environment {
    DEVELOPMENT("dev", profile(20, 0, 2_000)),
    STAGING("stage", profile(60, 4, 2_000)),
    // A shorter wait than the others: under production load a thread that has waited a second for a
    // connection is better failed fast than left to pile up behind an exhausted pool.
    PRODUCTION("prod", profile(160, 16, 1_000));

    /** Health checks every 30 s validate idle connections in every environment. */
    private static PoolSettings profile(int maxTotal, int minIdle, long maxWaitMillis) {
        return PoolSettings.builder()
                .set(PoolSetting.MAX_TOTAL, maxTotal)
                .set(PoolSetting.MAX_IDLE, maxTotal)
                .set(PoolSetting.MIN_IDLE, minIdle)
                .set(PoolSetting.MAX_WAIT, maxWaitMillis)
                .set(PoolSetting.TEST_WHILE_IDLE, true)
                .set(PoolSetting.EVICTION_INTERVAL, 30_000L)
                .build();
    }

    private final String alias;
    private final PoolSettings profile;

    Environment(String alias, PoolSettings profile) {
        this.alias = alias;
        this.profile = profile;
    }

    public PoolSettings profile() {
        return profile;
    }

    /** The name users write: {@code development}, {@code staging} or {@code production}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a full name or its short alias in any case, or returns null when it is neither. */
    public static Environment parse(String text) {
        String wanted = text.trim();
        for (Environment environment : values()) {
            if (environment.name().equalsIgnoreCase(wanted) || environment.alias.equalsIgnoreCase(wanted)) {
                return environment;
            }
        }
        return null;
    }
}
