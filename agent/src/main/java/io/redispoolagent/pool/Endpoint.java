package io.redispoolagent.pool;

/**
 * Where a pool's connections go: host, port and database, and the pool name users see in logs, metrics
 * and overrides. Never holds a user name or password.
 */
final class Endpoint {

    final String host;
    final int port;
    final int database;
    private final String poolName;

    /** A server, named {@code host:port/db}. */
    Endpoint(String host, int port, int database) {
        this(host, port, database, host + ":" + port + "/" + database);
    }

    private Endpoint(String host, int port, int database, String poolName) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.poolName = poolName;
    }

    /** A master behind Sentinel, reached through the sentinel at {@code host:port}: named {@link #sentinelName}. */
    static Endpoint behindSentinel(String master, String sentinelHost, int sentinelPort, int database) {
        return new Endpoint(sentinelHost, sentinelPort, database, sentinelName(master, database));
    }

    /**
     * A cluster, named {@code cluster:host:port} after the seed node the application listed first. Its
     * pool's connections reach every node, so it is no pool of that node: a {@code host:port/0} name would
     * read as one and share the series and per-pool overrides of a pool that only goes there.
     */
    static Endpoint cluster(String seedHost, int seedPort) {
        return new Endpoint(seedHost, seedPort, 0, "cluster:" + seedHost + ":" + seedPort);
    }

    /**
     * {@code sentinel:master/db}: a master's address changes at every failover, its name does not, so the
     * pool that replaces it carries the same name (and the same per-pool overrides and metric series).
     */
    static String sentinelName(String master, int database) {
        return "sentinel:" + master + "/" + database;
    }

    String poolName() {
        return poolName;
    }
}
