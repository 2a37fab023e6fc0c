package io.redispoolagent.export;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.pool.PoolRegistry;
import io.redispoolagent.retry.NanoClock;
import io.redispoolagent.retry.RetryPolicies;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the export of the pool figures when the first Redis pool is registered (or the first retry
 * outcome of a command on no pool is counted), on a daemon thread of its own: a JVM that never uses
 * Redis loads none of the telemetry classes, and the application thread that built the pool does not
 * wait for the SDK to start.
 *
 * <p>The thread then stays, asleep but for a one-second pass that binds new pools to the
 * application's Micrometer registry and unbinds closed ones.
 */
public final class Telemetry {

    static final String THREAD_NAME = "redis-pool-agent-telemetry";
    private static final long MICROMETER_SCAN_MILLIS = 1000;

    private final PoolRegistry registry;
    private final RetryPolicies retry;
    private final AtomicBoolean started = new AtomicBoolean();

    public Telemetry(PoolRegistry registry, RetryPolicies retry) {
        this.registry = registry;
        this.retry = retry;
    }

    /**
     * Arms telemetry: it starts with the first Redis pool, or with the first retry outcome of a command
     * on no pool (a shared Lettuce connection, the default of Spring Boot without commons-pool2).
     */
    public void arm() {
        registry.onFirstPool(this::startInBackground);
        retry.onFirstUnpooledOutcome(this::startInBackground);
    }

    private void startInBackground() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread thread = new Thread(this::run, THREAD_NAME);
            thread.setDaemon(true);
            // The SDK's own threads inherit this loader: never pin the application's.
            thread.setContextClassLoader(Telemetry.class.getClassLoader());
            thread.start();
        } catch (Throwable failure) {
            AgentLog.warn("metrics export not started: " + failure);
        }
    }

    private void run() {
        PoolCollector pools = new PoolCollector(registry::pools, retry.unpooledStats(), NanoClock.SYSTEM);
        if (OtelSwitch.exportsMetrics(System.getProperties(), System.getenv())) {
            try {
                OtelExporter.start(pools);
            } catch (Throwable failure) {
                AgentLog.error(OtelStartFailure.describe(failure, System.getProperties(), System.getenv()));
            }
        } else {
            AgentLog.info("metrics: no OpenTelemetry export (otel.metrics.exporter=none or otel.sdk.disabled=true);"
                    + " Micrometer and the status view still show the pools");
        }
        MicrometerBridge micrometer = new MicrometerBridge(pools, retry::unpooledClientLoader);
        while (true) {
            micrometer.scan();
            try {
                TimeUnit.MILLISECONDS.sleep(MICROMETER_SCAN_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }
}
