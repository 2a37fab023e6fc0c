package io.redispoolagent.util;

import java.util.concurrent.atomic.AtomicLong;

/** Lets one event through per interval and counts the others, for reports that must not flood a log. */
public final class OncePerInterval {

    private final long intervalNanos;
    private final AtomicLong nextNanos;
    private final AtomicLong refused = new AtomicLong();

    /** The first event at or after {@code startNanos} passes. */
    public OncePerInterval(long intervalNanos, long startNanos) {
        this.intervalNanos = intervalNanos;
        this.nextNanos = new AtomicLong(startNanos);
    }

    /**
     * Returns -1 when an event already passed in this interval (this one is counted), else how many were
     * refused since the last one that passed.
     */
    public long pass(long nowNanos) {
        long next = nextNanos.get();
        if (nowNanos - next < 0 || !nextNanos.compareAndSet(next, nowNanos + intervalNanos)) {
            refused.incrementAndGet();
            return -1;
        }
        return refused.getAndSet(0);
    }
}
