package io.redispoolagent.pool;

/** Where a pool's connections go: host, port and database. Never holds a user name or password. */
final class Endpoint {

    final String host;
    final int port;
    final int database;

    Endpoint(String host, int port, int database) {
        this.host = host;
        this.port = port;
        this.database = database;
    }

    /** The pool name users see in logs, metrics and overrides: {@code host:port/db}. */
    String poolName() {
        return host + ":" + port + "/" + database;
    }
}
