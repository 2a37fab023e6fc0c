package io.redispoolagent.runtime;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.export.Telemetry;
import io.redispoolagent.pool.Holders;
import io.redispoolagent.pool.LeakDetector;
import io.redispoolagent.pool.PoolEvents;
import io.redispoolagent.pool.PoolLifecycle;
import io.redispoolagent.pool.PoolRegistry;
import io.redispoolagent.retry.RetryPolicies;
import io.redispoolagent.status.StatusServer;

/**
 * Everything the agent is made of in one JVM, built from its configuration: the pool registry, the
 * pool lifecycle and hot-path events, who holds each connection, the retry policies, the leak
 * detector, telemetry and the status view. The installer builds one and {@link #install}s it; advice,
 * which Byte Buddy inlines into client classes and which therefore cannot hold references of its own,
 * reaches it through {@link #current}. Unit tests build their own, and install one only to drive
 * advice code.
 */
public final class AgentRuntime {

    private static volatile AgentRuntime current;

    private final AgentConfig config;
    private final PoolRegistry registry = new PoolRegistry();
    private final Holders holders = new Holders();
    private final RetryPolicies retry;
    private final PoolLifecycle lifecycle;
    private final PoolEvents events;
    private final Telemetry telemetry;

    public AgentRuntime(AgentConfig config) {
        this.config = config;
        this.retry = new RetryPolicies(config.retry());
        this.lifecycle = new PoolLifecycle(config, registry, retry);
        Long leakThreshold = config.leakThresholdMillis();
        this.events = new PoolEvents(
                registry, lifecycle, holders, leakThreshold == null ? null : new LeakDetector(leakThreshold));
        this.telemetry = new Telemetry(registry, retry);
    }

    /** The runtime advice reaches; null until the installer has installed one. */
    public static AgentRuntime current() {
        return current;
    }

    /** Makes {@code runtime} the one advice reaches; returns the one it replaces (tests put it back). */
    public static AgentRuntime install(AgentRuntime runtime) {
        AgentRuntime previous = current;
        current = runtime;
        return previous;
    }

    /**
     * Arms what runs beside the application: telemetry at the first Redis pool, the status view now when
     * its port is set. Neither starts a thread on the caller's; neither throws.
     */
    public void start() {
        telemetry.arm();
        StatusServer.install(config, registry, holders);
    }

    public PoolRegistry registry() {
        return registry;
    }

    public RetryPolicies retry() {
        return retry;
    }

    public PoolLifecycle lifecycle() {
        return lifecycle;
    }

    public PoolEvents events() {
        return events;
    }
}
