package io.redispoolagent.export;

import io.redispoolagent.metrics.PoolStats;
import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.retry.RetryStats;

/**
 * The cumulative figures of one or more pools: the counters and latency histograms, which exporters
 * publish as monotonic series and which therefore must only ever grow.
 */
final class PoolCounts {

    long timeouts;
    long validationFailures;
    long leaks;
    final long[] retries = new long[RetryOutcome.values().length];
    final PoolSample.Histogram waitTime = new PoolSample.Histogram();
    final PoolSample.Histogram useTime = new PoolSample.Histogram();
    final PoolSample.Histogram createTime = new PoolSample.Histogram();

    /** Adds what one pool has counted so far. */
    void add(PoolStats stats, RetryStats retryStats) {
        timeouts += stats.timeouts();
        validationFailures += stats.validationFailures();
        leaks += stats.leaks();
        for (RetryOutcome outcome : RetryOutcome.values()) {
            retries[outcome.ordinal()] += retryStats.count(outcome);
        }
        waitTime.add(stats.waitTime());
        useTime.add(stats.useTime());
        createTime.add(stats.createTime());
    }

    void add(PoolCounts other) {
        timeouts += other.timeouts;
        validationFailures += other.validationFailures;
        leaks += other.leaks;
        for (int i = 0; i < retries.length; i++) {
            retries[i] += other.retries[i];
        }
        waitTime.add(other.waitTime);
        useTime.add(other.useTime);
        createTime.add(other.createTime);
    }
}
