package io.redispoolagent.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The Spring Boot test service (module {@code agent-tests/spring-boot-app}, its fat jar in system property
 * {@code spring.app.jar}) started with {@code java -jar} in a child JVM, reached over HTTP and stopped
 * through Actuator's shutdown endpoint, so that {@link #stop()} returns everything it printed.
 *
 * <pre>{@code
 * try (SpringBootService service = SpringBootService.start(jvm -> jvm.withAgent()
 *         .systemProperty("redis.pool.env", "production"), "--spring.data.redis.client-type=jedis")) {
 *     service.get("/values/k");
 *     ChildJvm.Result result = service.stop();
 * }
 * }</pre>
 */
public final class SpringBootService implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final int port;
    private final CompletableFuture<ChildJvm.Result> running;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChildJvm.Result result;

    private SpringBootService(int port, CompletableFuture<ChildJvm.Result> running) {
        this.port = port;
        this.running = running;
    }

    /** The service jar the build produced. */
    public static Path jar() {
        return Path.of(SystemProperties.require("spring.app.jar")).normalize();
    }

    /**
     * Starts the service on a free port with {@code args} (Spring properties as {@code --name=value}) and
     * waits until {@code /actuator/health} says UP; {@code jvm} adds the agent and system properties.
     */
    public static SpringBootService start(UnaryOperator<ChildJvm> jvm, String... args) {
        int port = Ports.free();
        ChildJvm child = jvm.apply(ChildJvm.forJar(jar()).timeout(Duration.ofMinutes(5)))
                .args("--server.port=" + port)
                .args(args);
        SpringBootService service = new SpringBootService(port, CompletableFuture.supplyAsync(child::run));
        service.awaitHealthy();
        return service;
    }

    /** A GET of {@code path}; a failure to connect is an {@link IOException}, an error status is the response. */
    public HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Stops the service through Actuator and returns what it printed. */
    public ChildJvm.Result stop() {
        if (result == null) {
            try {
                post("/actuator/shutdown");
            } catch (IOException e) {
                throw new AssertionError("the service did not take the shutdown request: " + e, e);
            }
            result = running.join();
        }
        return result;
    }

    @Override
    public void close() {
        if (result == null && !running.isDone()) {
            try {
                stop();
            } catch (RuntimeException | AssertionError e) {
                running.cancel(true);
            }
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                throw new AssertionError("the service ended before it was healthy:\n" + running.join());
            }
            try {
                HttpResponse<String> health = get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the service is still starting
            }
            BackgroundChild.pause(200);
        }
        close();
        throw new AssertionError("the service was not healthy within " + START_TIMEOUT.toSeconds() + " s");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
