package io.redispoolagent.pool;

import static io.redispoolagent.pool.LettuceClasses.CLIENT_URI;
import static io.redispoolagent.pool.LettuceClasses.CLUSTER_CLIENT;
import static io.redispoolagent.pool.LettuceClasses.CLUSTER_SEEDS;
import static io.redispoolagent.pool.LettuceClasses.REDIS_CLIENT;
import static io.redispoolagent.pool.LettuceClasses.REDIS_URI;
import static io.redispoolagent.pool.LettuceClasses.URI_DATABASE;
import static io.redispoolagent.pool.LettuceClasses.URI_HOST;
import static io.redispoolagent.pool.LettuceClasses.URI_PORT;
import static io.redispoolagent.pool.LettuceClasses.URI_SENTINELS;
import static io.redispoolagent.pool.LettuceClasses.URI_SENTINEL_MASTER;

/**
 * Where a Lettuce pool connects, read from the first Lettuce client or {@code RedisURI} its supplier
 * reaches. A client is read through its URI (a cluster client through its seed URIs) rather than walked
 * field by field: everything else it holds (client resources, options, channels) says nothing about the
 * endpoint, and skipping it keeps a supplier's client within the walk's bounds however deep an
 * application or a framework (Spring's pooling provider wraps the one that holds the client) puts it.
 *
 * <p>Only host, port, database and the Sentinel master's name are read, never a user name or password.
 */
final class LettuceEndpoints {

    private LettuceEndpoints() {}

    /** True for a Lettuce client or URI: the walk asks it for the endpoint and goes no deeper. */
    static boolean holdsEndpoint(Object candidate) {
        Class<?> type = candidate.getClass();
        return REDIS_URI.describes(type) || REDIS_CLIENT.describes(type) || CLUSTER_CLIENT.describes(type);
    }

    /**
     * The endpoint of a client or URI {@link #says} accepts, or null when it names no server: a client
     * created without a URI (the supplier then passes one to {@code connect}), a Unix socket.
     */
    static Endpoint of(Object clientOrUri) {
        if (CLUSTER_CLIENT.describes(clientOrUri.getClass())) {
            Object seed = firstServer(CLUSTER_SEEDS.read(clientOrUri));
            return seed == null ? null : Endpoint.cluster(host(seed), port(seed));
        }
        Object uri = REDIS_CLIENT.describes(clientOrUri.getClass()) ? CLIENT_URI.read(clientOrUri) : clientOrUri;
        return uri == null ? null : ofUri(uri);
    }

    private static Endpoint ofUri(Object uri) {
        int database = URI_DATABASE.readInt(uri, 0);
        Object master = URI_SENTINEL_MASTER.read(uri);
        if (master instanceof String && !((String) master).isEmpty()) {
            // Lettuce asks the sentinels for the master at each connect: the sentinel listed first is the
            // only address the pool has before then.
            Object sentinel = firstServer(URI_SENTINELS.read(uri));
            return sentinel == null
                    ? null
                    : Endpoint.behindSentinel((String) master, host(sentinel), port(sentinel), database);
        }
        return isServer(uri) ? new Endpoint(host(uri), port(uri), database) : null;
    }

    /** The first URI of {@code uris} that names a server, or null. */
    private static Object firstServer(Object uris) {
        if (uris instanceof Iterable) {
            for (Object uri : (Iterable<?>) uris) {
                if (uri != null && isServer(uri)) {
                    return uri;
                }
            }
        }
        return null;
    }

    private static boolean isServer(Object uri) {
        return REDIS_URI.describes(uri.getClass()) && host(uri) != null && port(uri) != -1;
    }

    private static String host(Object uri) {
        Object host = URI_HOST.read(uri);
        return host instanceof String ? (String) host : null;
    }

    private static int port(Object uri) {
        return URI_PORT.readInt(uri, -1);
    }
}
