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
    private final Endpoint endpoint;

    PoolIdentity(String name, RedisClientFamily client, String kind, Endpoint endpoint) {
        this.name = name;
        this.client = client;
        this.kind = kind;
        this.endpoint = endpoint;
    }

    /**
     * Names a pool after its endpoint where it can be known ({@code host:port/db}, or for a Lettuce URI
     * behind Sentinel or a cluster client the names {@link Endpoint} gives them), else a stable {@code
     * client-kind-N} numbered in creation order.
     */
    static PoolIdentity of(Object factory, RedisClientFamily client, String kind) {
        Endpoint endpoint = EndpointFinder.find(factory);
        String name = endpoint != null ? endpoint.poolName() : unnamed(client, kind);
        return new PoolIdentity(name, client, kind, endpoint);
    }

    /**
     * Names a Jedis pool to the current master of {@code masterName} {@link Endpoint#sentinelName}; its
     * endpoint is the master's address where the factory holds it (a Lettuce URI names its master
     * itself, see {@link #of}).
     */
    static PoolIdentity ofSentinel(Object factory, String masterName, String kind) {
        Endpoint endpoint = EndpointFinder.find(factory);
        int database = endpoint == null ? 0 : endpoint.database;
        return new PoolIdentity(Endpoint.sentinelName(masterName, database), RedisClientFamily.JEDIS, kind, endpoint);
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

    /** The server's host, or null when unknown. */
    public String serverAddress() {
        return endpoint == null ? null : endpoint.host;
    }

    /** The server's port, or -1 when unknown. */
    public int serverPort() {
        return endpoint == null ? -1 : endpoint.port;
    }

    /** True when the pool's connections go to {@code host:port} and select {@code database}. */
    public boolean serves(String host, int port, int database) {
        return endpoint != null && endpoint.port == port && endpoint.database == database && endpoint.host.equals(host);
    }

    @Override
    public String toString() {
        return name + " (" + client.displayName() + " " + kind + ")";
    }
}
