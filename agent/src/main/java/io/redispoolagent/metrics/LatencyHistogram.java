package io.redispoolagent.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-bucket latency histogram that records without allocating or locking.
 *
 * <p>The bucket boundaries are chosen for connection-pool waits, which are bimodal: a borrow that
 * finds an idle connection takes microseconds, one that waits for a connection to come back or be
 * created takes milliseconds, and one that runs into exhaustion waits the whole maxWait (1-2 s in the
 * profiles, or forever without the agent). So the buckets run from 100 µs, below which a pool is simply
 * healthy, in 1-2.5-5 steps up to 10 s, past every bounded wait the profiles set. The same buckets
 * serve use and create times, whose interesting range (a command round trip, a TCP+AUTH handshake) is
 * the same.
 */
public final class LatencyHistogram {

    /** Upper bounds of the buckets in seconds, as exported; a last, unbounded bucket follows. */
    public static final double[] BOUNDARIES_SECONDS = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private static final long[] BOUNDARIES_NANOS = new long[BOUNDARIES_SECONDS.length];

    static {
        for (int i = 0; i < BOUNDARIES_SECONDS.length; i++) {
            BOUNDARIES_NANOS[i] = Math.round(BOUNDARIES_SECONDS[i] * 1e9);
        }
    }

    private final LongAdder[] buckets = new LongAdder[BOUNDARIES_NANOS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    public LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void record(long nanos) {
        long value = Math.max(0, nanos);
        int bucket = 0;
        while (bucket < BOUNDARIES_NANOS.length && value > BOUNDARIES_NANOS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sumNanos.add(value);
    }

    /** A consistent-enough copy for export: each bucket is read once, so counts and sum may differ by in-flight records. */
    public HistogramSnapshot snapshot() {
        long[] counts = new long[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = buckets[i].sum();
        }
        return new HistogramSnapshot(counts, sumNanos.sum());
    }
}
