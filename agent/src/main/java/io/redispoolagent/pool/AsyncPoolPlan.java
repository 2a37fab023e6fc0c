package io.redispoolagent.pool;

/** Carries a Lettuce async pool from its constructor's entry (config chosen) to its exit (pool registered). */
public final class AsyncPoolPlan {

    private final Object config;
    private final PoolRecord record;

    AsyncPoolPlan(Object config, PoolRecord record) {
        this.config = config;
        this.record = record;
    }

    /** The config the pool is to be built with: the application's, or the agent's resized copy. */
    public Object config() {
        return config;
    }

    PoolRecord record() {
        return record;
    }
}
