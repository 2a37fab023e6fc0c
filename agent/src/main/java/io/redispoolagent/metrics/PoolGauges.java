package io.redispoolagent.metrics;

/** A pool's live counts at one moment, read from the pool itself when metrics are collected. */
public final class PoolGauges {

    private final int used;
    private final int idle;
    private final int max;
    private final int idleMax;
    private final int idleMin;
    private final int pending;

    public PoolGauges(int used, int idle, int max, int idleMax, int idleMin, int pending) {
        this.used = used;
        this.idle = idle;
        this.max = max;
        this.idleMax = idleMax;
        this.idleMin = idleMin;
        this.pending = pending;
    }

    public int used() {
        return used;
    }

    public int idle() {
        return idle;
    }

    public int max() {
        return max;
    }

    public int idleMax() {
        return idleMax;
    }

    public int idleMin() {
        return idleMin;
    }

    /** Threads waiting for a connection right now. */
    public int pending() {
        return pending;
    }

    /** used / max, 0 for an unlimited pool. */
    public double utilization() {
        return max <= 0 ? 0 : (double) used / max;
    }
}
