package io.redispoolagent.pool;

import io.redispoolagent.metrics.PoolGauges;

/**
 * The two pool implementations the agent reads, each with how its live counts are read. How each is
 * sized differs in kind, not in detail: a commons-pool2 pool is resized in place after its constructor
 * ({@link PoolSizer}, through {@link CommonsPoolAccess}), a Lettuce async pool is given a resized
 * config before its constructor, because its sizes are final fields ({@link AsyncPoolSizer}).
 */
enum PoolKind {
    COMMONS_POOL2 {
        @Override
        PoolGauges gauges(Object pool) {
            return CommonsPoolAccess.of(pool).gauges(pool);
        }
    },
    LETTUCE_ASYNC {
        @Override
        PoolGauges gauges(Object pool) {
            return LettuceClasses.gauges(pool);
        }
    };

    /** The pool's live counts (active, idle, waiting, sizes). */
    abstract PoolGauges gauges(Object pool);
}
