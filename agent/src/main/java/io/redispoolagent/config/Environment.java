package io.redispoolagent.config;

import java.util.Locale;

/** A deployment environment and the pool profile it stands for. */
public enum Environment {
    DEVELOPMENT("dev", PoolSettings.builder()
            .maxTotal(20).maxIdle(20).minIdle(0).maxWaitMillis(2_000)
            .testWhileIdle(true).evictionIntervalMillis(30_000).build()),
    STAGING("stage", PoolSettings.builder()
            .maxTotal(60).maxIdle(60).minIdle(4).maxWaitMillis(2_000)
            .testWhileIdle(true).evictionIntervalMillis(30_000).build()),
    // A shorter wait than the others: under production load a thread that has waited a second for a
    // connection is better failed fast than left to pile up behind an exhausted pool.
    PRODUCTION("prod", PoolSettings.builder()
            .maxTotal(160).maxIdle(160).minIdle(16).maxWaitMillis(1_000)
            .testWhileIdle(true).evictionIntervalMillis(30_000).build());

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
