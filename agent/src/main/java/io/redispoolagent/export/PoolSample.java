package io.redispoolagent.export;

import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.metrics.HistogramSnapshot;
import io.redispoolagent.metrics.LatencyHistogram;
import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.pool.PoolIdentity;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.retry.RetryStats;

/**
 * The figures of one exported series at one collection ({@link PoolCollector} reads each pool once
 * for every instrument and exporter): the live pools' gauges summed, and the counters of every pool
 * the series ever had (see {@link PoolSeries}).
 */
public final class PoolSample {

    private final String name;
    private final String client;
    private final String serverAddress;
    private final int serverPort;
    private final long startEpochNanos;
    private long used;
    private long idle;
    private long max;
    private long idleMax;
    private long idleMin;
    private long pending;
    private long originalMax;
    private final PoolCounts counts = new PoolCounts();

    PoolSample(PoolIdentity identity, long startEpochNanos) {
        this.name = identity.name();
        this.client = identity.client().displayName();
        this.serverAddress = identity.serverAddress();
        this.serverPort = identity.serverPort();
        this.startEpochNanos = startEpochNanos;
    }

    /** The figures of commands on no pool the agent knows: retry counters only, no name; a sample of its own. */
    private PoolSample(RetryStats unpooled) {
        this.name = null;
        this.client = null;
        this.serverAddress = null;
        this.serverPort = -1;
        this.startEpochNanos = 0;
        for (RetryOutcome outcome : RetryOutcome.values()) {
            counts.retries[outcome.ordinal()] = unpooled.count(outcome);
        }
    }

    /**
     * The retry counters of commands on no pool the agent knows (Lettuce connections, a Jedis built by
     * hand), or null while they are all zero: no series until something happened.
     */
    public static PoolSample unpooled(RetryStats stats) {
        PoolSample sample = new PoolSample(stats);
        for (long count : sample.counts.retries) {
            if (count != 0) {
                return sample;
            }
        }
        return null;
    }

    /** Adds a live pool's connection counts. */
    void add(PoolRecord record, PoolGauges gauges) {
        used += gauges.used();
        idle += gauges.idle();
        max += gauges.max();
        idleMax += gauges.idleMax();
        idleMin += gauges.idleMin();
        pending += gauges.pending();
        originalMax +=
                record.original() == null ? gauges.max() : record.original().get(PoolSetting.MAX_TOTAL);
    }

    PoolCounts counts() {
        return counts;
    }

    /** When the series was first exported (epoch nanoseconds): the start of its cumulative points. */
    long startEpochNanos() {
        return startEpochNanos;
    }

    /** Failed commands of this pool with the given retry outcome (retries made, recovered, gave up...). */
    public long retries(RetryOutcome outcome) {
        return counts.retries[outcome.ordinal()];
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
        return counts.timeouts;
    }

    public long validationFailures() {
        return counts.validationFailures;
    }

    public long leaks() {
        return counts.leaks;
    }

    public Histogram waitTime() {
        return counts.waitTime;
    }

    public Histogram useTime() {
        return counts.useTime;
    }

    public Histogram createTime() {
        return counts.createTime;
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

        void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            count += other.count;
            sumSeconds += other.sumSeconds;
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
