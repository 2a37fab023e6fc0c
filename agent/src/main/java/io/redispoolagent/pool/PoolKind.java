package io.redispoolagent.pool;

/** The two pool implementations the agent reads: commons-pool2's and Lettuce's own async one. */
enum PoolKind {
    COMMONS_POOL2,
    LETTUCE_ASYNC
}
