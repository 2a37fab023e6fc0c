package io.redispoolagent.sample.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.redispoolagent.sample.cli.Durations;
import io.redispoolagent.sample.json.Json;
import io.redispoolagent.testsupport.net.LatencyProxy;
import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The "legacy" token service: {@code com.sun.net.httpserver} with a fixed pool of server threads in front of a
 * Redis connection pool with commons-pool2 defaults and a 500 ms maxWait.
 *
 * <pre>
 * POST /login    user=NAME            → 200 {"token": ...} | 429 rate limited | 400
 * GET  /verify   Authorization: Bearer TOKEN (or ?token=) → 200 {"user": ...} | 401
 * POST /logout   Authorization: Bearer TOKEN (or token=)  → 200 | 401
 * GET  /health   PING                 → 200 ok
 * GET  /stats    responses by status since start (JSON)
 * </pre>
 *
 * A Redis call that cannot get a pooled connection in time answers 503 ("pool exhausted"), any other Redis failure
 * 500 (see {@link ErrorMapping}).
 *
 * <pre>{@code
 * try (SampleService service = SampleService.start(ServeOptions.defaults())) {   // embedded redis-server
 *   URI base = service.url();
 * }
 * }</pre>
 */
public final class SampleService implements AutoCloseable {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final int BACKLOG = 4096;

    static {
        // The JDK server closes keep-alive connections beyond 200 idle ones and uses Nagle's algorithm by default;
        // with a thousand load-generator users that would make the HTTP layer, not the Redis pool, the bottleneck.
        // Read once when the JDK's server classes load; an explicit -D setting wins.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "10000");
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final ServeOptions options;
    private final RedisServerProcess embeddedRedis;
    private final URI redisUri;
    private final LatencyProxy latencyProxy;
    private final RedisOps redis;
    private final AuthService auth;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    private SampleService(ServeOptions options) throws IOException {
        this.options = options;
        RedisServerProcess started = null;
        LatencyProxy proxy = null;
        RedisOps ops = null;
        ExecutorService exec = null;
        try {
            URI uri = options.redisUri();
            if (uri == null) {
                started = RedisServerProcess.start();
                uri = URI.create("redis://" + started.host() + ":" + started.port());
            }
            this.redisUri = uri;
            URI connectUri = uri;
            if (options.redisLatencyMicros() > 0) {
                // Simulated network: the pool connects to a loopback delay proxy in front of the real Redis.
                proxy = LatencyProxy.start(
                        uri.getHost(),
                        uri.getPort() == -1 ? 6379 : uri.getPort(),
                        TimeUnit.MICROSECONDS.toNanos(options.redisLatencyMicros()));
                connectUri = throughProxy(uri, proxy);
            }
            this.latencyProxy = proxy;
            ops = "lettuce".equals(options.client()) ? new LettuceRedisOps(connectUri) : new JedisRedisOps(connectUri);
            this.redis = ops;
            this.auth = new AuthService(
                    ops,
                    options.loginLimit(),
                    ServeOptions.DEFAULT_RATE_WINDOW_SECONDS,
                    ServeOptions.DEFAULT_SESSION_TTL_SECONDS);
            exec = newExecutor(options.threads());
            this.executor = exec;
            this.server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), BACKLOG);
            server.createContext("/", this::handle);
            server.setExecutor(exec);
            server.start();
        } catch (IOException | RuntimeException | Error e) {
            if (exec != null) {
                exec.shutdownNow();
            }
            if (ops != null) {
                ops.close();
            }
            if (proxy != null) {
                proxy.close();
            }
            if (started != null) {
                started.close();
            }
            throw e;
        }
        this.embeddedRedis = started;
    }

    /** Starts the service (and, without a Redis URI, an embedded redis-server); returns once it listens. */
    public static SampleService start(ServeOptions options) throws IOException {
        return new SampleService(options);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://ADDRESS:PORT (no trailing slash). */
    public URI url() {
        String host = server.getAddress().getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The Redis the service talks to (redis://host:port; a password in a given URI is not repeated). */
    public String redisAddress() {
        return "redis://" + redisUri.getHost() + ":" + (redisUri.getPort() == -1 ? 6379 : redisUri.getPort());
    }

    /** The simulated round trip to Redis in microseconds; 0 when Redis is reached directly. */
    public long redisLatencyMicros() {
        return latencyProxy == null ? 0 : options.redisLatencyMicros();
    }

    /**
     * "none", or e.g. "1ms simulated network round trip (delay proxy 127.0.0.1:41234 -> 127.0.0.1:6379)".
     */
    public String redisLatencyDescription() {
        if (latencyProxy == null) {
            return "none";
        }
        return Durations.formatMicros(options.redisLatencyMicros()) + " simulated network round trip (delay proxy "
                + latencyProxy.host() + ":" + latencyProxy.port() + " -> " + redisUri.getHost() + ":"
                + (redisUri.getPort() == -1 ? 6379 : redisUri.getPort()) + ")";
    }

    /** The same URI (user info, database) with host and port replaced by the proxy's. */
    static URI throughProxy(URI uri, LatencyProxy proxy) {
        try {
            return new URI(
                    uri.getScheme(),
                    uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    proxy.host(),
                    proxy.port(),
                    uri.getPath(),
                    uri.getQuery(),
                    null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(
                    "cannot route " + uri + " through the latency proxy: " + e.getMessage(), e);
        }
    }

    /** True when this service started its own redis-server. */
    public boolean embeddedRedis() {
        return embeddedRedis != null;
    }

    public String client() {
        return redis.client();
    }

    /** The live pool settings, e.g. "JedisPool maxTotal=8 maxIdle=8 minIdle=0 maxWait=500ms ...". */
    public String poolDescription() {
        return redis.describePool();
    }

    /** PINGs Redis through the pool; null when it answers, else a short description of the failure. */
    public String checkRedis() {
        try {
            redis.ping();
            return null;
        } catch (RuntimeException e) {
            return ErrorMapping.map(e).body().trim();
        }
    }

    public ServeOptions options() {
        return options;
    }

    /** Responses sent so far, by HTTP status. */
    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> copy = new LinkedHashMap<>();
        for (Map.Entry<Integer, LongAdder> e : new java.util.TreeMap<>(responses).entrySet()) {
            copy.put(e.getKey(), e.getValue().sum());
        }
        return copy;
    }

    /** Stops the HTTP server, closes the pool and stops the embedded redis-server. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.stop(0);
        } finally {
            executor.shutdownNow();
            try {
                redis.close();
            } finally {
                try {
                    if (latencyProxy != null) {
                        latencyProxy.close();
                    }
                } finally {
                    if (embeddedRedis != null) {
                        embeddedRedis.close();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = readBody(exchange);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/login":
                    if (allow(exchange, method, "POST")) {
                        login(exchange, body);
                    }
                    break;
                case "/verify":
                    if (allow(exchange, method, "GET")) {
                        verify(exchange);
                    }
                    break;
                case "/logout":
                    if (allow(exchange, method, "POST")) {
                        logout(exchange, body);
                    }
                    break;
                case "/health":
                    if (allow(exchange, method, "GET")) {
                        redis.ping();
                        sendText(exchange, 200, "ok\n");
                    }
                    break;
                case "/stats":
                    if (allow(exchange, method, "GET")) {
                        sendJson(exchange, 200, statsJson());
                    }
                    break;
                case "/":
                    sendText(
                            exchange,
                            200,
                            "redis-pool-agent sample app (" + redis.client() + "): POST /login user=NAME, "
                                    + "GET /verify, POST /logout (Authorization: Bearer TOKEN), GET /health, GET /stats\n");
                    break;
                default:
                    sendText(exchange, 404, "not found\n");
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            ErrorMapping.HttpError error = ErrorMapping.map(e);
            sendText(exchange, error.status(), error.body());
        } finally {
            exchange.close();
        }
    }

    private void login(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> params = params(exchange, body);
        String user = params.get("user");
        if (user == null || !USER.matcher(user).matches()) {
            sendText(exchange, 400, "user=NAME required (1-64 of A-Z a-z 0-9 . _ @ -)\n");
            return;
        }
        String token = auth.login(user);
        if (token == null) {
            sendText(exchange, 429, "too many logins for this user, try again later\n");
            return;
        }
        sendJson(exchange, 200, Json.object().put("user", user).put("token", token));
    }

    private void verify(HttpExchange exchange) throws IOException {
        String token = token(exchange, params(exchange, new byte[0]));
        String user = token == null ? null : auth.verify(token);
        if (user == null) {
            sendText(exchange, 401, "invalid, revoked or expired token\n");
            return;
        }
        sendJson(exchange, 200, Json.object().put("user", user).put("valid", true));
    }

    private void logout(HttpExchange exchange, byte[] body) throws IOException {
        String token = token(exchange, params(exchange, body));
        if (token == null || !auth.logout(token)) {
            sendText(exchange, 401, "invalid, revoked or expired token\n");
            return;
        }
        sendJson(exchange, 200, Json.object().put("loggedOut", true));
    }

    private ObjectNode statsJson() {
        ObjectNode stats = Json.object()
                .put("client", redis.client())
                .put("pool", redis.describePool())
                .put("redisLatencyMicros", redisLatencyMicros());
        ObjectNode byStatus = stats.putObject("responsesByStatus");
        responsesByStatus().forEach((status, count) -> byStatus.put(Integer.toString(status), count));
        return stats;
    }

    private boolean allow(HttpExchange exchange, String method, String expected) throws IOException {
        if (expected.equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        sendText(exchange, 405, "use " + expected + "\n");
        return false;
    }

    private static String token(HttpExchange exchange, Map<String, String> params) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else if (params.containsKey("token")) {
            token = params.get("token");
        }
        return token != null && TOKEN.matcher(token).matches() ? token : null;
    }

    /** Query parameters, then form parameters from the body (application/x-www-form-urlencoded). */
    private static Map<String, String> params(HttpExchange exchange, byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(exchange.getRequestURI().getRawQuery(), params);
        if (body.length > 0) {
            parseForm(new String(body, StandardCharsets.UTF_8), params);
        }
        return params;
    }

    static void parseForm(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name != null && value != null && !name.isEmpty()) {
                into.put(name, value.trim());
            }
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, "UTF-8");
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buffer.size() + n > 16 * 1024) {
                    throw new IOException("request body over 16 KiB");
                }
                buffer.write(chunk, 0, n);
            }
            return buffer.toByteArray();
        }
    }

    private void sendText(HttpExchange exchange, int status, String text) throws IOException {
        count(status);
        send(exchange, status, "text/plain; charset=utf-8", text);
    }

    private void sendJson(HttpExchange exchange, int status, ObjectNode json) throws IOException {
        count(status);
        send(exchange, status, "application/json", Json.write(json) + "\n");
    }

    private void count(int status) {
        responses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ExecutorService newExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "sample-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return executor;
    }

    private static void setIfAbsent(String key, String value) {
        try {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        } catch (SecurityException ignored) {
            // keep the JDK default
        }
    }
}
