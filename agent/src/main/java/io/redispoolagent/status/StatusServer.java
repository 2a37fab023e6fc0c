package io.redispoolagent.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.log.AgentLog;
import io.redispoolagent.pool.Holders;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.pool.PoolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status view: JSON over HTTP (the JDK's {@code com.sun.net.httpserver}), opt-in with
 * {@code redis.pool.status.port}, on 127.0.0.1 unless {@code redis.pool.status.host} says otherwise.
 * {@code GET /} (or {@code /pools}) answers one document for every pool the agent knows.
 *
 * <p>When: at install, on a daemon thread of its own ({@value #THREAD_NAME}), so premain never waits
 * for the HTTP server and a JVM without the setting loads none of this. It starts at install rather
 * than at the first pool because a user who set the port expects it to answer, and an empty
 * {@code "pools": []} tells them the agent runs but no Redis pool was built yet; a port in use is also
 * reported at start, next to the agent's other start-up lines. The JDK's dispatcher thread, started
 * from this daemon thread, is a daemon too: the view never keeps the JVM alive.
 *
 * <p>That thread then samples every pool's counters every {@value #SAMPLE_INTERVAL_MILLIS} ms into a
 * small ring per pool ({@value #RING_CAPACITY} readings: a one-minute window), from which the borrow
 * rate and mean hold time are computed when the view is asked. The borrow path does no extra work.
 */
public final class StatusServer {

    static final String THREAD_NAME = "redis-pool-agent-status";
    static final long SAMPLE_INTERVAL_MILLIS = 5_000;
    static final int RING_CAPACITY = 13;

    private final HttpServer server;
    private final PoolRegistry registry;
    private final Holders holders;
    private final long intervalMillis;
    private final Map<PoolRecord, SampleRing> rings = new IdentityHashMap<>();

    private StatusServer(HttpServer server, PoolRegistry registry, Holders holders, long intervalMillis) {
        this.server = server;
        this.registry = registry;
        this.holders = holders;
        this.intervalMillis = intervalMillis;
    }

    /** Starts the view in the background when {@code redis.pool.status.port} is set; otherwise does nothing. */
    public static void install(AgentConfig config, PoolRegistry registry, Holders holders) {
        final Integer port = config.statusPort();
        if (port == null) {
            return;
        }
        final String host = config.statusHost();
        try {
            Thread thread = new Thread(() -> run(host, port, registry, holders), THREAD_NAME);
            thread.setDaemon(true);
            thread.setContextClassLoader(StatusServer.class.getClassLoader());
            thread.start();
        } catch (Throwable failure) {
            AgentLog.warn("status view not started: " + failure);
        }
    }

    private static void run(String host, int port, PoolRegistry registry, Holders holders) {
        StatusServer status = start(host, port, registry, holders, SAMPLE_INTERVAL_MILLIS);
        if (status == null) {
            return;
        }
        while (true) {
            status.sample();
            try {
                Thread.sleep(status.intervalMillis);
            } catch (InterruptedException stop) {
                status.stop();
                return;
            }
        }
    }

    /** Binds and starts serving; logs one warning and returns null when it cannot (the application runs on). */
    static StatusServer start(String host, int port, PoolRegistry registry, Holders holders, long intervalMillis) {
        String where = host + ":" + port;
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                AgentLog.warn("status view not started: redis.pool.status.host '" + host
                        + "' is not a known host or address; the application runs on without it");
                return null;
            }
            HttpServer server = HttpServer.create(address, 8);
            StatusServer status = new StatusServer(server, registry, holders, intervalMillis);
            server.createContext("/", status::handle);
            server.setExecutor(null);
            server.start();
            AgentLog.info("status view: http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                    + "/ (java -jar redis-pool-agent.jar status "
                    + (AgentConfig.DEFAULT_STATUS_HOST.equals(host) ? String.valueOf(port) : where) + ")");
            if (address.getAddress().isAnyLocalAddress()) {
                AgentLog.info("status view listens on every interface (redis.pool.status.host=" + host
                        + "); it shows pool names and sizes, never credentials");
            }
            return status;
        } catch (BindException inUse) {
            AgentLog.warn("status view not started: cannot listen on " + where + " (" + inUse.getMessage()
                    + ": another process has the port, or the address is not this machine's); the application"
                    + " runs on without it. Choose a free port with -Dredis.pool.status.port");
        } catch (IOException | RuntimeException | LinkageError failure) {
            AgentLog.warn(
                    "status view not started on " + where + " (" + failure + "); the application runs on without it");
        }
        return null;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    /** One reading of every live pool into its ring; rings of pools that are gone are dropped. */
    void sample() {
        try {
            List<PoolRecord> pools = registry.pools();
            long now = System.nanoTime();
            synchronized (rings) {
                Set<PoolRecord> live = Collections.newSetFromMap(new IdentityHashMap<PoolRecord, Boolean>());
                for (PoolRecord record : pools) {
                    live.add(record);
                    SampleRing ring = rings.get(record);
                    if (ring == null) {
                        ring = new SampleRing(RING_CAPACITY);
                        rings.put(record, ring);
                    }
                    ring.add(Reading.of(now, record.stats(), record.gauges()));
                }
                rings.keySet().retainAll(live);
            }
        } catch (RuntimeException | LinkageError failure) {
            AgentLog.warnOnce("status-sample", "status view: cannot sample the pools", failure);
        }
    }

    String render() {
        return StatusReport.render(
                registry.pools(),
                (record, now) -> {
                    SampleRing ring;
                    synchronized (rings) {
                        ring = rings.get(record);
                    }
                    return ring == null ? null : ring.window(now);
                },
                holders,
                intervalMillis,
                (RING_CAPACITY - 1) * intervalMillis / 1000.0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            drain(exchange.getRequestBody());
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            boolean head = "HEAD".equals(method);
            if (!"GET".equals(method) && !head) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, error("only GET is supported"), false);
            } else if ("/".equals(path) || "/pools".equals(path) || "/pools/".equals(path)) {
                respond(exchange, 200, render(), head);
            } else {
                respond(exchange, 404, error("no such page: GET / (or /pools) for the pools"), head);
            }
        } catch (RuntimeException | LinkageError failure) {
            AgentLog.warnOnce("status-render", "status view: cannot describe the pools", failure);
            respond(exchange, 500, error("the agent could not describe the pools: " + failure), false);
        } finally {
            exchange.close();
        }
    }

    private static String error(String message) {
        return new JsonWriter()
                        .beginObject()
                        .field("error", message)
                        .endObject()
                        .toString() + "\n";
    }

    private static void respond(HttpExchange exchange, int code, String body, boolean head) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[512];
        while (body.read(buffer) >= 0) {
            // discard: the view takes no input
        }
    }
}
