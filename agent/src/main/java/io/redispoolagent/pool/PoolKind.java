package io.redispoolagent.pool;

import io.redispoolagent.metrics.PoolGauges;
import java.util.Collections;
import java.util.List;

/**
 * The two pool implementations the agent reads, each with how its live counts and borrowed connections
 * are read. How each is
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

        @Override
        List<Object> borrowedObjects(Object pool) {
            return PooledObjects.borrowedObjects(pool);
        }
    },
    LETTUCE_ASYNC {
        @Override
        PoolGauges gauges(Object pool) {
            return LettuceClasses.gauges(pool);
        }

        @Override
        List<Object> borrowedObjects(Object pool) {
            // Async connections are held by callbacks, not threads: no holder to name.
            return Collections.emptyList();
        }
    };

    /** The pool's live counts (active, idle, waiting, sizes). */
    abstract PoolGauges gauges(Object pool);

    /** The connections borrowed now, for naming their holders (collection and timeout time only). */
    abstract List<Object> borrowedObjects(Object pool);
}
