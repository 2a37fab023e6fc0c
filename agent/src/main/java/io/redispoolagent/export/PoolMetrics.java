package io.redispoolagent.export;

import io.redispoolagent.retry.RetryOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every figure the agent exports per pool, and the attributes every point carries.
 *
 * <p>Names follow the OpenTelemetry semantic conventions for database client connection pools
 * ({@code db.client.connection.*}, development status); what the conventions do not cover is
 * {@code redis_pool_agent.*}.
 */
public final class PoolMetrics {

    public static final String POOL_NAME = "db.client.connection.pool.name";
    public static final String DB_SYSTEM = "db.system.name";
    public static final String SERVER_ADDRESS = "server.address";
    public static final String SERVER_PORT = "server.port";
    /** The Redis client library, jedis or lettuce: the conventions have no attribute for it. */
    public static final String CLIENT = "redis_pool_agent.client";

    public static final String STATE = "db.client.connection.state";
    public static final String RETRY_OUTCOME = "redis_pool_agent.retry.outcome";

    private static final String CONNECTION = "{connection}";

    private static final List<PoolMetric> ALL = Collections.unmodifiableList(core());

    private PoolMetrics() {}

    /** Every figure, in a stable order. */
    public static List<PoolMetric> all() {
        return ALL;
    }

    private static List<PoolMetric> core() {
        List<PoolMetric> metrics = new ArrayList<>();
        PoolMetric count = PoolMetric.of(
                "db.client.connection.count",
                PoolMetric.Type.UP_DOWN_COUNTER,
                CONNECTION,
                "The number of connections that are currently in state described by the state attribute.",
                PoolSample::used);
        metrics.add(count.with(STATE, "used"));
        metrics.add(PoolMetric.of(
                        "db.client.connection.count",
                        PoolMetric.Type.UP_DOWN_COUNTER,
                        CONNECTION,
                        "The number of connections that are currently in state described by the state attribute.",
                        PoolSample::idle)
                .with(STATE, "idle"));
        metrics.add(PoolMetric.of(
                "db.client.connection.max",
                PoolMetric.Type.UP_DOWN_COUNTER,
                CONNECTION,
                "The maximum number of open connections allowed (as applied by the agent).",
                PoolSample::max));
        metrics.add(PoolMetric.of(
                "db.client.connection.idle.max",
                PoolMetric.Type.UP_DOWN_COUNTER,
                CONNECTION,
                "The maximum number of idle open connections allowed.",
                PoolSample::idleMax));
        metrics.add(PoolMetric.of(
                "db.client.connection.idle.min",
                PoolMetric.Type.UP_DOWN_COUNTER,
                CONNECTION,
                "The minimum number of idle open connections allowed.",
                PoolSample::idleMin));
        metrics.add(PoolMetric.of(
                "db.client.connection.pending_requests",
                PoolMetric.Type.UP_DOWN_COUNTER,
                "{request}",
                "The number of current pending requests for an open connection.",
                PoolSample::pending));
        metrics.add(PoolMetric.of(
                "db.client.connection.timeouts",
                PoolMetric.Type.COUNTER,
                "{timeout}",
                "The number of connection timeouts that have occurred trying to obtain a connection from the pool"
                        + " (for Lettuce's async pool: immediate exhaustion).",
                PoolSample::timeouts));
        metrics.add(PoolMetric.histogram(
                "db.client.connection.wait_time",
                "The time it took to obtain an open connection from the pool, timed-out attempts included.",
                PoolSample::waitTime));
        metrics.add(PoolMetric.histogram(
                "db.client.connection.use_time",
                "The time between borrowing a connection and returning it to the pool.",
                PoolSample::useTime));
        metrics.add(PoolMetric.histogram(
                "db.client.connection.create_time",
                "The time it took to create a new connection.",
                PoolSample::createTime));
        metrics.add(PoolMetric.of(
                "redis_pool_agent.utilization",
                PoolMetric.Type.GAUGE,
                "1",
                "Connections in use divided by the maximum (0 for an unlimited pool).",
                PoolSample::utilization));
        metrics.add(PoolMetric.of(
                "redis_pool_agent.max.original",
                PoolMetric.Type.UP_DOWN_COUNTER,
                CONNECTION,
                "The maximum number of connections the application configured, before the agent sized the pool.",
                PoolSample::originalMax));
        metrics.add(PoolMetric.of(
                "redis_pool_agent.validation_failures",
                PoolMetric.Type.COUNTER,
                "{failure}",
                "Connections that failed validation or activation when borrowed.",
                PoolSample::validationFailures));
        metrics.add(PoolMetric.of(
                "redis_pool_agent.leaks",
                PoolMetric.Type.COUNTER,
                CONNECTION,
                "Connections held longer than redis.pool.leakThreshold (suspected leaks).",
                PoolSample::leaks));
        for (RetryOutcome outcome : RetryOutcome.values()) {
            metrics.add(PoolMetric.of(
                            "redis_pool_agent.retries",
                            PoolMetric.Type.COUNTER,
                            "{command}",
                            "Failed commands by what the retry did: retried (one per retry), recovered, gave_up,"
                                    + " budget_denied, not_safe, not_retryable. Without a pool name: commands of no pool"
                                    + " the agent knows (Lettuce connections, a Jedis built by hand).",
                            sample -> sample.retries(outcome))
                    .with(RETRY_OUTCOME, outcome.label())
                    .alsoForUnpooled());
        }
        return metrics;
    }
}
