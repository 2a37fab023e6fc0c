package io.redispoolagent.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Everything the agent counts about one pool. Recording allocates nothing and takes no lock. */
public final class PoolStats {

    private final LatencyHistogram waitTime = new LatencyHistogram();
    private final LatencyHistogram useTime = new LatencyHistogram();
    private final LatencyHistogram createTime = new LatencyHistogram();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder validationFailures = new LongAdder();
    private final LongAdder leaks = new LongAdder();

    /** A borrow got a connection after waiting {@code nanos}. */
    public void borrowed(long nanos) {
        waitTime.record(nanos);
    }

    /** A borrow gave up: the pool was exhausted for the whole wait (or, for an async pool, at once). */
    public void timedOut(long nanos) {
        waitTime.record(nanos);
        timeouts.increment();
    }

    /** A borrow failed because a new or idle connection failed validation or activation. */
    public void validationFailed() {
        validationFailures.increment();
    }

    public void returned(long useNanos) {
        useTime.record(useNanos);
    }

    public void created(long nanos) {
        createTime.record(nanos);
    }

    public void leakSuspected() {
        leaks.increment();
    }

    public HistogramSnapshot waitTime() {
        return waitTime.snapshot();
    }

    public HistogramSnapshot useTime() {
        return useTime.snapshot();
    }

    public HistogramSnapshot createTime() {
        return createTime.snapshot();
    }

    public long timeouts() {
        return timeouts.sum();
    }

    public long validationFailures() {
        return validationFailures.sum();
    }

    public long leaks() {
        return leaks.sum();
    }
}
