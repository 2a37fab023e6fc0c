package io.redispoolagent.export;

import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.retry.NanoClock;
import io.redispoolagent.retry.RetryStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads every registered pool once per collection, for every exporter: OpenTelemetry's gauge and
 * counter callback, its histogram producer and the Micrometer meters of one scrape all see the same
 * figures. Pools that share a name and client are one {@link PoolSeries}, whose counters keep what its
 * closed pools had counted.
 */
final class PoolCollector {

    /**
     * How long a collection serves later reads: long enough to cover the instruments of one scrape or
     * export (they run back to back), far shorter than any export interval or scrape period.
     */
    static final long SAME_COLLECTION_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Supplier<? extends Collection<PoolRecord>> registered;
    private final RetryStats unpooled;
    private final NanoClock clock;
    private final Map<String, PoolSeries> series = new LinkedHashMap<>();
    private Map<String, PoolSample> last;
    private long lastNanos;

    /** @param unpooled the retry counters of commands of no pool the agent knows */
    PoolCollector(Supplier<? extends Collection<PoolRecord>> registered, RetryStats unpooled, NanoClock clock) {
        this.registered = registered;
        this.unpooled = unpooled;
        this.clock = clock;
    }

    /** The pools registered now, for exporters that bind per pool (Micrometer binds by class loader). */
    Collection<PoolRecord> registered() {
        return registered.get();
    }

    /** The retry figures of commands of no pool the agent knows, or null while there are none. */
    PoolSample unpooled() {
        return PoolSample.unpooled(unpooled);
    }

    /** A sample per series with a live pool. */
    synchronized List<PoolSample> samples() {
        return new ArrayList<>(current().values());
    }

    /** The sample of one series ({@link PoolSeries#keyOf}), or null when it has no live pool. */
    synchronized PoolSample sample(String key) {
        return current().get(key);
    }

    private Map<String, PoolSample> current() {
        long now = clock.nanoTime();
        if (last == null || now - lastNanos > SAME_COLLECTION_NANOS) {
            last = collect();
            lastNanos = now;
        }
        return last;
    }

    private Map<String, PoolSample> collect() {
        Set<PoolRecord> live = Collections.newSetFromMap(new IdentityHashMap<PoolRecord, Boolean>());
        live.addAll(registered.get());
        for (PoolRecord record : live) {
            String key = PoolSeries.keyOf(record);
            PoolSeries joined = series.get(key);
            if (joined == null) {
                joined = new PoolSeries(record);
                series.put(key, joined);
            }
            joined.join(record);
        }
        Map<String, PoolSample> samples = new LinkedHashMap<>();
        for (Map.Entry<String, PoolSeries> entry : series.entrySet()) {
            PoolSample sample = entry.getValue().sample(live);
            if (sample != null) {
                samples.put(entry.getKey(), sample);
            }
        }
        return samples;
    }
}
