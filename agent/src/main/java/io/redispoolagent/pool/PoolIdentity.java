package io.redispoolagent.pool;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What a pool is, as the agent reports it: name, client and the client API that built it. */
public final class PoolIdentity {

    private static final ConcurrentMap<String, AtomicInteger> UNNAMED_COUNTERS = new ConcurrentHashMap<>();

    private final String name;
    private final RedisClientFamily client;
    private final String kind;

    PoolIdentity(String name, RedisClientFamily client, String kind) {
        this.name = name;
        this.client = client;
        this.kind = kind;
    }

    /**
     * Identifies a new pool. The name is {@code host:port/db} where the endpoint can be known, else a
     * stable {@code client-kind-N} numbered in creation order.
     */
    static PoolIdentity of(Object factory, RedisClientFamily client, StackTraceElement[] creationStack) {
        String kind = CreationSite.clientApi(creationStack, client, "pool");
        Endpoint endpoint = EndpointFinder.find(factory);
        String name = endpoint != null ? endpoint.poolName() : unnamed(client, kind);
        return new PoolIdentity(name, client, kind);
    }

    private static String unnamed(RedisClientFamily client, String kind) {
        String prefix = client.displayName() + "-" + kind;
        AtomicInteger counter = UNNAMED_COUNTERS.computeIfAbsent(prefix, ignored -> new AtomicInteger());
        return prefix + "-" + counter.incrementAndGet();
    }

    public String name() {
        return name;
    }

    public RedisClientFamily client() {
        return client;
    }

    public String kind() {
        return kind;
    }

    @Override
    public String toString() {
        return name + " (" + client.displayName() + " " + kind + ")";
    }
}
