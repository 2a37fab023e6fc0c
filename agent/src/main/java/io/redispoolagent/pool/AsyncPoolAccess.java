package io.redispoolagent.pool;

import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.reflect.Reflection;

/** Reads the live counts of a Lettuce {@code BoundedAsyncPool} through its public getters. */
final class AsyncPoolAccess {

    private AsyncPoolAccess() {
    }

    /** Acquire never waits in this pool, so nothing is ever pending. */
    static PoolGauges gauges(Object pool) {
        int all = count(pool, "getObjectCount");
        int idle = count(pool, "getIdle");
        return new PoolGauges(Math.max(0, all - idle), idle, count(pool, "getMaxTotal"), count(pool, "getMaxIdle"),
                count(pool, "getMinIdle"), 0);
    }

    private static int count(Object pool, String getter) {
        Object value = Reflection.call(pool, getter);
        return value instanceof Integer ? (Integer) value : 0;
    }
}
