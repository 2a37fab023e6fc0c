package io.redispoolagent.export;

import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.pool.PoolRegistry;
import io.redispoolagent.retry.RetryPolicies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Registers the pool figures in the application's Micrometer {@code Metrics.globalRegistry} (which
 * Spring Boot's Actuator and most Micrometer setups include), when Micrometer is visible from the
 * pool's class loader. The agent cannot link against Micrometer, so every call goes through {@link
 * MicrometerMembers} and the meters read their values through JDK functional interfaces.
 *
 * <p>Pools are picked up, and the meters of closed pools removed, by {@link #scan()}, which the
 * telemetry thread runs every second; each pass costs a walk over the registry's pools.
 */
final class MicrometerBridge {

    /** How long one read of a pool serves all of its meters during a scrape. */
    private static final long SAMPLE_TTL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Micrometer's registry per class loader; a loader without Micrometer maps to {@link #ABSENT}. */
    private final Map<ClassLoader, Object> registries = new WeakHashMap<>();
    private static final Object ABSENT = new Object();
    private Object bootstrapRegistry;
    private boolean bootstrapLooked;
    private final Map<String, BoundPool> bound = new LinkedHashMap<>();
    /** Registries holding the retry counters of commands of no known pool (registered once, kept). */
    private final Set<Object> unpooledBound = java.util.Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());

    /** One registration pass; never throws. */
    void scan() {
        try {
            doScan(PoolRegistry.pools());
        } catch (RuntimeException | LinkageError failure) {
            ExportLog.warn("micrometer-scan", "telemetry: cannot bind the pools to Micrometer", failure);
        }
    }

    /** The number of pools (name and client) bound to a registry, for tests. */
    int boundPools() {
        return bound.size();
    }

    void doScan(Collection<PoolRecord> pools) {
        Set<String> seen = new HashSet<>();
        Map<BoundPool, Set<PoolRecord>> live = new IdentityHashMap<>();
        for (PoolRecord record : pools) {
            ClassLoader loader = record.poolClassLoader();
            Object registry = registry(loader);
            if (registry == null) {
                continue;
            }
            bindUnpooled(registry);
            String key = System.identityHashCode(registry) + "|" + record.identity().name() + "|"
                    + record.identity().client().displayName();
            seen.add(key);
            BoundPool pool = bound.get(key);
            if (pool == null) {
                pool = new BoundPool(registry);
                pool.records.add(record);
                if (!pool.register(record)) {
                    continue;
                }
                bound.put(key, pool);
            } else if (!pool.records.contains(record)) {
                pool.records.add(record);
            }
            Set<PoolRecord> records = live.get(pool);
            if (records == null) {
                records = new HashSet<>();
                live.put(pool, records);
            }
            records.add(record);
        }
        for (Iterator<Map.Entry<String, BoundPool>> it = bound.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, BoundPool> entry = it.next();
            BoundPool pool = entry.getValue();
            if (!seen.contains(entry.getKey())) {
                pool.remove();
                it.remove();
            } else {
                Set<PoolRecord> records = live.get(pool);
                pool.records.retainAll(records);
            }
        }
    }

    /**
     * The retry counters of commands of no pool the agent knows, in each registry the pools are bound to:
     * {@code redis_pool_agent.retries} by outcome, with the pool tags left empty.
     */
    private void bindUnpooled(Object registry) {
        if (!unpooledBound.add(registry)) {
            return;
        }
        try {
            for (PoolMetric metric : PoolMetrics.all()) {
                if (!metric.unpooled()) {
                    continue;
                }
                ToDoubleFunction<PoolMetric> read = figure -> {
                    PoolSample unpooled = PoolSample.unpooled(RetryPolicies.fallbackStats());
                    return unpooled == null ? 0 : figure.value(unpooled);
                };
                Object builder = MicrometerMembers.counterBuilder(registry, metric.name(), metric, read);
                builder = MicrometerMembers.description(builder, metric.description());
                for (Map.Entry<String, String> tag : BoundPool.tags(null, null, null, -1, metric).entrySet()) {
                    builder = MicrometerMembers.tag(builder, tag.getKey(), tag.getValue());
                }
                MicrometerMembers.register(builder, registry);
            }
        } catch (RuntimeException | LinkageError failure) {
            ExportLog.warn("micrometer-unpooled", "telemetry: cannot register the retry counters of commands of no"
                    + " pool in Micrometer", failure);
        }
    }

    private Object registry(ClassLoader loader) {
        if (loader == null) {
            if (!bootstrapLooked) {
                bootstrapLooked = true;
                bootstrapRegistry = lookUp(null);
            }
            return bootstrapRegistry;
        }
        Object registry = registries.get(loader);
        if (registry == null) {
            registry = lookUp(loader);
            registries.put(loader, registry == null ? ABSENT : registry);
        }
        return registry == ABSENT ? null : registry;
    }

    private static Object lookUp(ClassLoader loader) {
        try {
            return MicrometerMembers.globalRegistry(loader);
        } catch (LinkageError absent) {
            return null;
        } catch (RuntimeException unusable) {
            ExportLog.warn("micrometer-lookup", "telemetry: Micrometer found but its global registry is unusable;"
                    + " pool metrics are not bound to it", unusable);
            return null;
        }
    }

    /** The meters of one pool name in one registry, and the live pools behind them. */
    static final class BoundPool {

        final Object registry;
        final List<PoolRecord> records = new CopyOnWriteArrayList<>();
        private final List<Object> meters = new ArrayList<>();
        private PoolSample sample;
        private long sampledAt;

        BoundPool(Object registry) {
            this.registry = registry;
        }

        synchronized PoolSample sample() {
            long now = System.nanoTime();
            if (sample == null || now - sampledAt > SAMPLE_TTL_NANOS) {
                List<PoolSample> samples = PoolSample.of(records);
                sample = samples.isEmpty() ? null : samples.get(0);
                sampledAt = now;
            }
            return sample;
        }

        double value(PoolMetric metric) {
            PoolSample current = sample();
            return current == null ? Double.NaN : metric.value(current);
        }

        long count(PoolMetric metric) {
            PoolSample current = sample();
            return current == null ? 0 : metric.histogram(current).count();
        }

        double sumSeconds(PoolMetric metric) {
            PoolSample current = sample();
            return current == null ? 0 : metric.histogram(current).sumSeconds();
        }

        boolean register(PoolRecord first) {
            PoolSample initial = PoolSample.ofOne(first);
            if (initial == null) {
                return false;
            }
            try {
                for (PoolMetric metric : PoolMetrics.all()) {
                    Object builder = builder(metric);
                    builder = MicrometerMembers.description(builder, metric.description());
                    for (Map.Entry<String, String> tag : tags(initial, metric).entrySet()) {
                        builder = MicrometerMembers.tag(builder, tag.getKey(), tag.getValue());
                    }
                    meters.add(MicrometerMembers.register(builder, registry));
                }
                return true;
            } catch (RuntimeException | LinkageError failure) {
                ExportLog.warn("micrometer-register", "telemetry: cannot register the metrics of pool "
                        + first.identity().name() + " in Micrometer", failure);
                remove();
                return false;
            }
        }

        private Object builder(final PoolMetric metric) {
            switch (metric.type()) {
                case COUNTER: {
                    ToDoubleFunction<BoundPool> read = pool -> pool.value(metric);
                    return MicrometerMembers.counterBuilder(registry, metric.name(), this, read);
                }
                case HISTOGRAM: {
                    ToLongFunction<BoundPool> count = pool -> pool.count(metric);
                    ToDoubleFunction<BoundPool> total = pool -> pool.sumSeconds(metric);
                    return MicrometerMembers.timerBuilder(registry, metric.name(), this, count, total, TimeUnit.SECONDS);
                }
                default: {
                    ToDoubleFunction<BoundPool> read = pool -> pool.value(metric);
                    return MicrometerMembers.gaugeBuilder(registry, metric.name(), this, read);
                }
            }
        }

        static Map<String, String> tags(PoolSample sample, PoolMetric metric) {
            return tags(sample.name(), sample.client(), sample.serverAddress(), sample.serverPort(), metric);
        }

        /**
         * Every meter of a name carries the same tag keys, a value left empty when unknown (the commands of
         * no pool have no pool, client or server): Micrometer's Prometheus registry refuses a meter whose
         * keys differ from those already registered under its name, and Prometheus reads an empty label as
         * an absent one.
         */
        static Map<String, String> tags(String poolName, String client, String serverAddress, int serverPort,
                                        PoolMetric metric) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put(PoolMetrics.POOL_NAME, poolName == null ? "" : poolName);
            tags.put(PoolMetrics.DB_SYSTEM, "redis");
            tags.put(PoolMetrics.CLIENT, client == null ? "" : client);
            tags.put(PoolMetrics.SERVER_ADDRESS, serverAddress == null ? "" : serverAddress);
            tags.put(PoolMetrics.SERVER_PORT, serverPort > 0 ? String.valueOf(serverPort) : "");
            tags.putAll(metric.attributes());
            return tags;
        }

        void remove() {
            if (meters.isEmpty()) {
                return;
            }
            try {
                for (Object each : meters) {
                    MicrometerMembers.remove(registry, each);
                }
            } catch (RuntimeException | LinkageError failure) {
                ExportLog.warn("micrometer-remove", "telemetry: cannot remove the metrics of a closed pool from Micrometer",
                        failure);
            }
            meters.clear();
        }
    }
}
