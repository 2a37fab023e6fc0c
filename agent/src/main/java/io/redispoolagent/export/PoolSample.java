package io.redispoolagent.export;

import io.redispoolagent.metrics.HistogramSnapshot;
import io.redispoolagent.metrics.LatencyHistogram;
import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.metrics.PoolStats;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.retry.RetryStats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one exported pool at one collection, read once so that every instrument of the
 * collection agrees. Pools that share a name and client (two JedisPools built for the same
 * {@code host:port/db}) are one series: their counts are summed, as a metric backend would have to
 * do anyway with two series under identical attributes.
 */
public final class PoolSample {

    private final String name;
    private final String client;
    private final String serverAddress;
    private final int serverPort;
    private long used;
    private long idle;
    private long max;
    private long idleMax;
    private long idleMin;
    private long pending;
    private long originalMax;
    private long timeouts;
    private long validationFailures;
    private long leaks;
    private final long[] retries = new long[RetryOutcome.values().length];
    private final Histogram waitTime = new Histogram();
    private final Histogram useTime = new Histogram();
    private final Histogram createTime = new Histogram();
    private final List<PoolRecord> records = new ArrayList<>(1);

    private PoolSample(PoolRecord first) {
        this.name = first.identity().name();
        this.client = first.identity().client().displayName();
        this.serverAddress = first.identity().serverAddress();
        this.serverPort = first.identity().serverPort();
    }

    /** The figures of commands on no pool the agent knows: retry counters only, no name; a sample of its own. */
    private PoolSample(RetryStats unpooled) {
        this.name = null;
        this.client = null;
        this.serverAddress = null;
        this.serverPort = -1;
        for (RetryOutcome outcome : RetryOutcome.values()) {
            retries[outcome.ordinal()] = unpooled.count(outcome);
        }
    }

    /**
     * The retry counters of commands on no pool the agent knows (Lettuce connections, a Jedis built by
     * hand), or null while they are all zero: no series until something happened.
     */
    public static PoolSample unpooled(RetryStats stats) {
        PoolSample sample = new PoolSample(stats);
        for (long count : sample.retries) {
            if (count != 0) {
                return sample;
            }
        }
        return null;
    }

    /** One sample per distinct (name, client) among the live pools whose pool object is still there. */
    public static List<PoolSample> of(Collection<PoolRecord> pools) {
        Map<String, PoolSample> byKey = new LinkedHashMap<>();
        for (PoolRecord record : pools) {
            PoolGauges gauges;
            try {
                gauges = record.gauges();
            } catch (RuntimeException | LinkageError unreadable) {
                ExportLog.warn("read-" + record.identity().name(), "cannot read the counts of pool "
                        + record.identity().name() + "; it is left out of this collection", unreadable);
                continue;
            }
            if (gauges == null) {
                continue;
            }
            String key = record.identity().name() + '\u0000' + record.identity().client().displayName();
            PoolSample sample = byKey.get(key);
            if (sample == null) {
                sample = new PoolSample(record);
                byKey.put(key, sample);
            }
            sample.add(record, gauges);
        }
        return new ArrayList<>(byKey.values());
    }

    /** A sample of a single pool, or null when the pool is gone. */
    static PoolSample ofOne(PoolRecord record) {
        List<PoolSample> samples = of(java.util.Collections.singletonList(record));
        return samples.isEmpty() ? null : samples.get(0);
    }

    private void add(PoolRecord record, PoolGauges gauges) {
        records.add(record);
        used += gauges.used();
        idle += gauges.idle();
        max += gauges.max();
        idleMax += gauges.idleMax();
        idleMin += gauges.idleMin();
        pending += gauges.pending();
        originalMax += record.original() == null ? gauges.max() : record.original().maxTotal();
        PoolStats stats = record.stats();
        timeouts += stats.timeouts();
        validationFailures += stats.validationFailures();
        leaks += stats.leaks();
        for (RetryOutcome outcome : RetryOutcome.values()) {
            retries[outcome.ordinal()] += record.retryStats().count(outcome);
        }
        waitTime.add(stats.waitTime());
        useTime.add(stats.useTime());
        createTime.add(stats.createTime());
    }

    /** Failed commands of this pool with the given retry outcome (retries made, recovered, gave up...). */
    public long retries(RetryOutcome outcome) {
        return retries[outcome.ordinal()];
    }

    /** {@code host:port/db}, {@code sentinel:master/db} or {@code client-Kind-N}; null for {@link #unpooled}. */
    public String name() {
        return name;
    }

    /** jedis or lettuce. */
    public String client() {
        return client;
    }

    /** The server's host, or null when unknown. */
    public String serverAddress() {
        return serverAddress;
    }

    /** The server's port, or -1 when unknown. */
    public int serverPort() {
        return serverPort;
    }

    /** The pools behind this sample (one, unless several share the name). */
    public List<PoolRecord> records() {
        return records;
    }

    public long used() {
        return used;
    }

    public long idle() {
        return idle;
    }

    public long max() {
        return max;
    }

    public long idleMax() {
        return idleMax;
    }

    public long idleMin() {
        return idleMin;
    }

    public long pending() {
        return pending;
    }

    /** The application's own maxTotal, before the agent changed it. */
    public long originalMax() {
        return originalMax;
    }

    /** used / max; 0 for an unlimited pool. */
    public double utilization() {
        return max <= 0 ? 0 : (double) used / max;
    }

    public long timeouts() {
        return timeouts;
    }

    public long validationFailures() {
        return validationFailures;
    }

    public long leaks() {
        return leaks;
    }

    public Histogram waitTime() {
        return waitTime;
    }

    public Histogram useTime() {
        return useTime;
    }

    public Histogram createTime() {
        return createTime;
    }

    /** Bucket counts (aligned with {@link LatencyHistogram#BOUNDARIES_SECONDS} plus overflow) and sum. */
    public static final class Histogram {

        private final long[] counts = new long[LatencyHistogram.BOUNDARIES_SECONDS.length + 1];
        private double sumSeconds;
        private long count;

        void add(HistogramSnapshot snapshot) {
            long[] bucketCounts = snapshot.bucketCounts();
            for (int i = 0; i < counts.length && i < bucketCounts.length; i++) {
                counts[i] += bucketCounts[i];
                count += bucketCounts[i];
            }
            sumSeconds += snapshot.sumSeconds();
        }

        public long[] bucketCounts() {
            return counts.clone();
        }

        public long count() {
            return count;
        }

        public double sumSeconds() {
            return sumSeconds;
        }
    }
}
