package io.redispoolagent.status;

import io.redispoolagent.metrics.HistogramSnapshot;
import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.metrics.PoolStats;

/**
 * A pool's counters at one moment: what the sampler keeps every few seconds, so that rates can be
 * computed over a window without any work on the borrow path (the counters exist anyway).
 */
final class Reading {

    final long nanos;
    /** Borrows that got a connection (timed-out attempts are in the wait histogram too: taken out). */
    final long borrows;

    final long timeouts;
    /** Connections given back, and their summed hold (use) time. */
    final long returns;

    final double holdSeconds;
    /** Connections in use and threads waiting, or -1 when the pool is gone. */
    final int used;

    final int pending;

    Reading(long nanos, long borrows, long timeouts, long returns, double holdSeconds, int used, int pending) {
        this.nanos = nanos;
        this.borrows = borrows;
        this.timeouts = timeouts;
        this.returns = returns;
        this.holdSeconds = holdSeconds;
        this.used = used;
        this.pending = pending;
    }

    static Reading of(long nanos, PoolStats stats, PoolGauges gauges) {
        long timeouts = stats.timeouts();
        HistogramSnapshot use = stats.useTime();
        long attempts = stats.waitTime().count();
        return new Reading(
                nanos,
                Math.max(0, attempts - timeouts),
                timeouts,
                use.count(),
                use.sumSeconds(),
                gauges == null ? -1 : gauges.used(),
                gauges == null ? -1 : gauges.pending());
    }

    /** Connections wanted at this moment: those in use plus the threads waiting for one. */
    int demand() {
        return Math.max(0, used) + Math.max(0, pending);
    }
}
