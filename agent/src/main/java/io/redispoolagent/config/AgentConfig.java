package io.redispoolagent.config;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.retry.RetrySettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent's effective configuration, resolved once at start-up. Immutable. */
public final class AgentConfig {

    private final Environment environment;
    private final Mode mode;
    private final AgentLog.Level logLevel;
    private final PoolSettings explicit;
    private final Map<String, PoolSettings> perPool;
    private final List<ConfigValue> values;
    private final RetrySettings retry;
    /** The status view's port ({@code redis.pool.status.port}), or null: no status view. */
    private final Integer statusPort;
    private final String statusHost;

    /** Where the status view listens unless {@code redis.pool.status.host} says otherwise: this machine only. */
    public static final String DEFAULT_STATUS_HOST = "127.0.0.1";

    AgentConfig(Environment environment, Mode mode, AgentLog.Level logLevel, PoolSettings explicit,
                Map<String, PoolSettings> perPool, List<ConfigValue> values) {
        this(environment, mode, logLevel, explicit, perPool, values,
                RetrySettings.builder().enabled(mode != Mode.OBSERVE).build());
    }

    AgentConfig(Environment environment, Mode mode, AgentLog.Level logLevel, PoolSettings explicit,
                Map<String, PoolSettings> perPool, List<ConfigValue> values, RetrySettings retry) {
        this(environment, mode, logLevel, explicit, perPool, values, retry, null, DEFAULT_STATUS_HOST);
    }

    AgentConfig(Environment environment, Mode mode, AgentLog.Level logLevel, PoolSettings explicit,
                Map<String, PoolSettings> perPool, List<ConfigValue> values, RetrySettings retry,
                Integer statusPort, String statusHost) {
        this.statusPort = statusPort;
        this.statusHost = statusHost;
        this.retry = retry;
        this.environment = environment;
        this.mode = mode;
        this.logLevel = logLevel;
        this.explicit = explicit;
        this.perPool = Collections.unmodifiableMap(new LinkedHashMap<>(perPool));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The named environment, or null when none was named anywhere. */
    public Environment environment() {
        return environment;
    }

    public Mode mode() {
        return mode;
    }

    public AgentLog.Level logLevel() {
        return logLevel;
    }

    /** The settings for pools in general: explicit values over the environment's profile. */
    public PoolSettings sizing() {
        return SizingDefaults.complete(explicit, profile());
    }

    /** The settings for one pool ({@code host:port/db}): its own overrides over {@link #sizing()}. */
    public PoolSettings sizingFor(String poolName) {
        PoolSettings own = perPool.get(poolName);
        return own == null ? sizing() : SizingDefaults.complete(SizingDefaults.layer(own, explicit), profile());
    }

    /** The pool names that have overrides of their own. */
    public Map<String, PoolSettings> poolOverrides() {
        return perPool;
    }

    /** The retry settings ({@code redis.pool.retry.*}); retry is off in observe mode unless enabled explicitly. */
    public RetrySettings retry() {
        return retry;
    }

    /** The status view's port, or null when {@code redis.pool.status.port} is not set (no port is opened). */
    public Integer statusPort() {
        return statusPort;
    }

    /** The interface the status view listens on: {@value #DEFAULT_STATUS_HOST} unless told otherwise. */
    public String statusHost() {
        return statusHost;
    }

    /** Every key with its effective value and origin, in a stable order, for people to read. */
    public List<ConfigValue> values() {
        return values;
    }

    private PoolSettings profile() {
        return environment == null ? PoolSettings.NONE : environment.profile();
    }
}
