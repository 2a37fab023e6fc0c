package io.redispoolagent.pool;

/** What a pool is, as the agent reports it: name, client and the client API that built it. */
public final class PoolIdentity {

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
