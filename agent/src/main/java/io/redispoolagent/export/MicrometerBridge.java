package io.redispoolagent.export;

import io.redispoolagent.pool.PoolRecord;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Registers the pool figures in the application's Micrometer {@code Metrics.globalRegistry} (which
 * Spring Boot's Actuator and most Micrometer setups include), when Micrometer is visible from the
 * pool's class loader. The agent cannot link against Micrometer, so every call goes through {@link
 * MicrometerMembers} and the meters read their values through JDK functional interfaces.
 *
 * <p>Series are picked up, and the meters of a series none of whose pools is left removed, by
 * {@link #scan()}, which the telemetry thread runs every second; each pass costs a walk over the
 * registry's pools. The meters read their series from the {@link PoolCollector} that OpenTelemetry
 * reads too.
 */
final class MicrometerBridge {

    private final PoolCollector pools;
    /** Micrometer's registry per class loader; a loader without Micrometer maps to {@link #ABSENT}. */
    private final Map<ClassLoader, Object> registries = new WeakHashMap<>();

    private static final Object ABSENT = new Object();
    private Object bootstrapRegistry;
    private boolean bootstrapLooked;
    private final Map<String, BoundPool> bound = new LinkedHashMap<>();
    /** Registries holding the retry counters of commands of no known pool (registered once, kept). */
    private final Set<Object> unpooledBound =
            java.util.Collections.newSetFromMap(new IdentityHashMap<Object, Boolean>());

    /** Where the client of the commands on no pool was loaded, or null before there was one. */
    private final Supplier<ClassLoader> unpooledClientLoader;

    MicrometerBridge(PoolCollector pools, Supplier<ClassLoader> unpooledClientLoader) {
        this.pools = pools;
        this.unpooledClientLoader = unpooledClientLoader;
    }

    /** One registration pass; never throws. */
    void scan() {
        try {
            ClassLoader unpooledLoader = unpooledClientLoader.get();
            Object unpooledRegistry = unpooledLoader == null ? null : registry(unpooledLoader);
            if (unpooledRegistry != null) {
                // A JVM may have no pool at all: its registry is found through the client's own loader.
                bindUnpooled(unpooledRegistry);
            }
            scan(pools.registered());
        } catch (RuntimeException | LinkageError failure) {
            ExportLog.warn("micrometer-scan", "telemetry: cannot bind the pools to Micrometer", failure);
        }
    }

    /** Binds each series to the registry of its pools' class loader, and unbinds the series no pool is left in. */
    private void scan(Collection<PoolRecord> registered) {
        Set<String> seen = new HashSet<>();
        for (PoolRecord record : registered) {
            Object registry = registry(record.poolClassLoader());
            if (registry == null) {
                continue;
            }
            bindUnpooled(registry);
            String series = PoolSeries.keyOf(record);
            String key = System.identityHashCode(registry) + "|" + series;
            seen.add(key);
            if (!bound.containsKey(key)) {
                BoundPool pool = new BoundPool(registry, pools, series);
                if (pool.register()) {
                    bound.put(key, pool);
                }
            }
        }
        for (Iterator<Map.Entry<String, BoundPool>> it = bound.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, BoundPool> entry = it.next();
            if (!seen.contains(entry.getKey())) {
                entry.getValue().remove();
                it.remove();
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
                    PoolSample unpooled = pools.unpooled();
                    return unpooled == null ? 0 : figure.value(unpooled);
                };
                Object builder = MicrometerMembers.counterBuilder(registry, metric.name(), metric, read);
                builder = MicrometerMembers.description(builder, metric.description());
                for (Map.Entry<String, String> tag :
                        BoundPool.tags(null, null, null, -1, metric).entrySet()) {
                    builder = MicrometerMembers.tag(builder, tag.getKey(), tag.getValue());
                }
                MicrometerMembers.register(builder, registry);
            }
        } catch (RuntimeException | LinkageError failure) {
            ExportLog.warn(
                    "micrometer-unpooled",
                    "telemetry: cannot register the retry counters of commands of no" + " pool in Micrometer",
                    failure);
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
            ExportLog.warn(
                    "micrometer-lookup",
                    "telemetry: Micrometer found but its global registry is unusable;"
                            + " pool metrics are not bound to it",
                    unusable);
            return null;
        }
    }

    /** The meters of one series (pool name and client) in one registry; they read it from the collector. */
    static final class BoundPool {

        final Object registry;
        private final PoolCollector pools;
        private final String series;
        private final List<Object> meters = new ArrayList<>();

        BoundPool(Object registry, PoolCollector pools, String series) {
            this.registry = registry;
            this.pools = pools;
            this.series = series;
        }

        double value(PoolMetric metric) {
            PoolSample current = pools.sample(series);
            return current == null ? Double.NaN : metric.value(current);
        }

        long count(PoolMetric metric) {
            PoolSample current = pools.sample(series);
            return current == null ? 0 : metric.histogram(current).count();
        }

        double sumSeconds(PoolMetric metric) {
            PoolSample current = pools.sample(series);
            return current == null ? 0 : metric.histogram(current).sumSeconds();
        }

        /** Registers the series' meters; false (and nothing left registered) when it cannot, to be tried again. */
        boolean register() {
            PoolSample initial = pools.sample(series);
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
                ExportLog.warn(
                        "micrometer-register",
                        "telemetry: cannot register the metrics of pool " + initial.name() + " in Micrometer",
                        failure);
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
                    return MicrometerMembers.timerBuilder(
                            registry, metric.name(), this, count, total, TimeUnit.SECONDS);
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
        static Map<String, String> tags(
                String poolName, String client, String serverAddress, int serverPort, PoolMetric metric) {
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
                ExportLog.warn(
                        "micrometer-remove",
                        "telemetry: cannot remove the metrics of a closed pool from Micrometer",
                        failure);
            }
            meters.clear();
        }
    }
}
