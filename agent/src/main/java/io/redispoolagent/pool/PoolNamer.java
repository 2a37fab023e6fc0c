package io.redispoolagent.pool;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Gives each pool its identity; numbers the pools whose endpoint cannot be known, per client and kind. */
final class PoolNamer {

    private final ConcurrentMap<String, AtomicInteger> unnamedCounters = new ConcurrentHashMap<>();

    /**
     * Names a pool after its endpoint where it can be known ({@code host:port/db}, or for a Lettuce URI
     * behind Sentinel or a cluster client the names {@link Endpoint} gives them), else a stable {@code
     * client-kind-N} numbered in creation order.
     */
    PoolIdentity identify(Object factory, RedisClientFamily client, String kind) {
        Endpoint endpoint = EndpointFinder.find(factory);
        String name = endpoint != null ? endpoint.poolName() : unnamed(client, kind);
        return new PoolIdentity(name, client, kind, endpoint);
    }

    /**
     * Names a Jedis pool to the current master of {@code masterName} {@link Endpoint#sentinelName}; its
     * endpoint is the master's address where the factory holds it (a Lettuce URI names its master
     * itself, see {@link #identify}).
     */
    PoolIdentity identifySentinel(Object factory, String masterName, String kind) {
        Endpoint endpoint = EndpointFinder.find(factory);
        int database = endpoint == null ? 0 : endpoint.database;
        return new PoolIdentity(Endpoint.sentinelName(masterName, database), RedisClientFamily.JEDIS, kind, endpoint);
    }

    private String unnamed(RedisClientFamily client, String kind) {
        String prefix = client.displayName() + "-" + kind;
        AtomicInteger counter = unnamedCounters.computeIfAbsent(prefix, ignored -> new AtomicInteger());
        return prefix + "-" + counter.incrementAndGet();
    }
}
