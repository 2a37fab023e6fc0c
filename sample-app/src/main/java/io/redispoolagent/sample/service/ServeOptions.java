package io.redispoolagent.sample.service;

import java.net.URI;

/** Settings of the sample service. Immutable; the {@code with*} methods return a changed copy. */
public final class ServeOptions {
    /** Server threads: enough that the Redis pool (8 connections), not the HTTP server, is the bottleneck. */
    public static final int DEFAULT_THREADS = 200;
    /** Logins per user per window before 429; generous, so the load generator's users stay under it. */
    public static final int DEFAULT_LOGIN_LIMIT = 10_000;

    public static final int DEFAULT_RATE_WINDOW_SECONDS = 60;
    public static final int DEFAULT_SESSION_TTL_SECONDS = 1_800;
    /** Upper bound of the simulated Redis round trip (a second is already far beyond any real region). */
    public static final long MAX_REDIS_LATENCY_MICROS = 1_000_000L;

    private final String bindAddress;
    private final int port;
    private final URI redisUri;
    private final String client;
    private final int threads;
    private final int loginLimit;
    private final long redisLatencyMicros;

    private ServeOptions(
            String bindAddress,
            int port,
            URI redisUri,
            String client,
            int threads,
            int loginLimit,
            long redisLatencyMicros) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.redisUri = redisUri;
        this.client = client;
        this.threads = threads;
        this.loginLimit = loginLimit;
        this.redisLatencyMicros = redisLatencyMicros;
    }

    /** 127.0.0.1, a free port, embedded redis-server, Jedis, 200 threads. */
    public static ServeOptions defaults() {
        return new ServeOptions("127.0.0.1", 0, null, "jedis", DEFAULT_THREADS, DEFAULT_LOGIN_LIMIT, 0L);
    }

    public ServeOptions withBindAddress(String value) {
        return new ServeOptions(value, port, redisUri, client, threads, loginLimit, redisLatencyMicros);
    }

    /** 0 picks a free port. */
    public ServeOptions withPort(int value) {
        return new ServeOptions(bindAddress, value, redisUri, client, threads, loginLimit, redisLatencyMicros);
    }

    /** A redis:// URI; null starts an embedded redis-server. */
    public ServeOptions withRedisUri(URI value) {
        return new ServeOptions(bindAddress, port, value, client, threads, loginLimit, redisLatencyMicros);
    }

    /** "jedis" or "lettuce". */
    public ServeOptions withClient(String value) {
        if (!"jedis".equals(value) && !"lettuce".equals(value)) {
            throw new IllegalArgumentException("client must be jedis or lettuce, got " + value);
        }
        return new ServeOptions(bindAddress, port, redisUri, value, threads, loginLimit, redisLatencyMicros);
    }

    public ServeOptions withThreads(int value) {
        return new ServeOptions(bindAddress, port, redisUri, client, value, loginLimit, redisLatencyMicros);
    }

    public ServeOptions withLoginLimit(int value) {
        return new ServeOptions(bindAddress, port, redisUri, client, threads, value, redisLatencyMicros);
    }

    /**
     * A simulated network round trip to Redis in microseconds (0 = off, the default): the service then reaches Redis
     * through a {@link io.redispoolagent.testsupport.net.LatencyProxy} on loopback that delays each direction by half.
     */
    public ServeOptions withRedisLatencyMicros(long value) {
        if (value < 0 || value > MAX_REDIS_LATENCY_MICROS) {
            throw new IllegalArgumentException(
                    "redis latency must be 0.." + MAX_REDIS_LATENCY_MICROS + " us, got " + value);
        }
        return new ServeOptions(bindAddress, port, redisUri, client, threads, loginLimit, value);
    }

    public long redisLatencyMicros() {
        return redisLatencyMicros;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    public URI redisUri() {
        return redisUri;
    }

    public String client() {
        return client;
    }

    public int threads() {
        return threads;
    }

    public int loginLimit() {
        return loginLimit;
    }
}
