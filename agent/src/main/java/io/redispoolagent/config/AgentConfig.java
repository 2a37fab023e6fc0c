package io.redispoolagent.config;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.retry.RetrySettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent's effective configuration, resolved once at start-up. Immutable. */
public final class AgentConfig {

    /** Where the status view listens unless {@code redis.pool.status.host} says otherwise: this machine only. */
    public static final String DEFAULT_STATUS_HOST = "127.0.0.1";

    private final PoolSettings sizing;
    private final Map<String, PoolSettings> sizingByPool;
    private final List<ConfigValue> values;
    private final RetrySettings retry;
    /** The parsed value of each single-valued key that has one (log level, status view, leak threshold...). */
    private final Map<ConfigKey, Object> chosen;

    /**
     * @param sizing       the effective settings for pools in general
     * @param sizingByPool the effective settings of each pool that has overrides of its own, by name
     */
    AgentConfig(
            PoolSettings sizing,
            Map<String, PoolSettings> sizingByPool,
            List<ConfigValue> values,
            RetrySettings retry,
            Map<ConfigKey, Object> chosen) {
        this.sizing = sizing;
        this.sizingByPool = Collections.unmodifiableMap(new LinkedHashMap<>(sizingByPool));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.retry = retry;
        this.chosen = Collections.unmodifiableMap(new EnumMap<>(chosen));
    }

    /** The named environment, or null when none was named anywhere. */
    public Environment environment() {
        return (Environment) chosen.get(ConfigKey.ENV);
    }

    public Mode mode() {
        return (Mode) chosen.get(ConfigKey.MODE);
    }

    public AgentLog.Level logLevel() {
        return (AgentLog.Level) chosen.get(ConfigKey.LOG_LEVEL);
    }

    /** The settings for pools in general: explicit values over the environment's profile. */
    public PoolSettings sizing() {
        return sizing;
    }

    /** The settings for one pool ({@code host:port/db}): its own overrides over {@link #sizing()}. */
    public PoolSettings sizingFor(String poolName) {
        PoolSettings own = sizingByPool.get(poolName);
        return own == null ? sizing : own;
    }

    /** The retry settings ({@code redis.pool.retry.*}); retry is off in observe mode unless enabled explicitly. */
    public RetrySettings retry() {
        return retry;
    }

    /** The status view's port, or null when {@code redis.pool.status.port} is not set (no port is opened). */
    public Integer statusPort() {
        return (Integer) chosen.get(ConfigKey.STATUS_PORT);
    }

    /** The interface the status view listens on: {@value #DEFAULT_STATUS_HOST} unless told otherwise. */
    public String statusHost() {
        return (String) chosen.get(ConfigKey.STATUS_HOST);
    }

    /** How long a connection may stay borrowed before it is reported as a possible leak, or null: no detection. */
    public Long leakThresholdMillis() {
        return (Long) chosen.get(ConfigKey.LEAK_THRESHOLD);
    }

    /** Every key with its effective value and origin, in a stable order, for people to read. */
    public List<ConfigValue> values() {
        return values;
    }
}
