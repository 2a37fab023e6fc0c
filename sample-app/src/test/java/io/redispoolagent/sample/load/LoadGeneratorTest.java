package io.redispoolagent.sample.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.redispoolagent.testsupport.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator's loop against a stub HTTP server (no Redis involved: this checks the client side only —
 * the cycle, the token hand-over, pacing, stopping, and failure counting).
 */
class LoadGeneratorTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger verifies = new AtomicInteger();
    private final AtomicInteger badTokens = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/login", ex -> reply(ex, 200, "{\"user\": \"x\", \"token\": \"" + TOKEN + "\"}"));
        server.createContext("/verify", ex -> {
            checkToken(ex);
            // every second verify: pool exhausted
            reply(ex, verifies.incrementAndGet() % 2 == 0 ? 503 : 200, "ok");
        });
        server.createContext("/logout", ex -> {
            checkToken(ex);
            reply(ex, 200, "{}");
        });
        server.createContext("/status", ex -> reply(ex, 200, "{\"pools\": []}"));
        server.createContext(
                "/stats", ex -> reply(ex, 200, "{\"client\": \"stub\", \"pool\": \"StubPool maxTotal=8\"}"));
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void checkToken(HttpExchange ex) {
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            badTokens.incrementAndGet();
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        ex.getRequestBody().close();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void runsTheCycleAtThePaceAndStops(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        LoadOptions options = LoadOptions.of(base(), 4, 1_000)
                .withPaceMillis(20)
                .withVerifyPerCycle(2)
                .withTimeoutMillis(5_000)
                .withProgressMillis(0)
                .withStatusUri(URI.create(base() + "/status"))
                .withJsonFile(json);
        long t0 = System.nanoTime();
        LoadResult r = new LoadGenerator(options, null).run();
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(tookMillis).isBetween(900L, 8_000L);
        // 4 users x 1 s / 20 ms = 200 intended requests; allow for a slow machine.
        assertThat(r.requests()).isBetween(20L, 210L);
        assertThat(badTokens.get()).isZero();
        Map<String, Long> byEndpoint = r.requestsByEndpoint();
        // cycle login, verify, verify, logout: verify is about half of all requests
        assertThat(byEndpoint.get("verify")).isBetween(byEndpoint.get("login"), 2 * byEndpoint.get("login") + 4);
        assertThat(r.failuresByEndpoint().get("verify")).isGreaterThan(0);
        assertThat(r.failuresByEndpoint().get("login")).isZero();
        assertThat(r.failuresByCause()).containsOnlyKeys("http_503");
        assertThat(r.agentStatusJson()).isEqualTo("{\"pools\": []}");
        assertThat(r.servicePool()).isEqualTo("StubPool maxTotal=8");

        Map<String, Object> written = JsonReader.object(new String(Files.readAllBytes(json), StandardCharsets.UTF_8));
        assertThat(written.get("requests")).isEqualTo((double) r.requests());
        assertThat(written.get("agentStatus")).isInstanceOf(Map.class);
    }

    @Test
    void countsConnectionErrors() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        LoadOptions options = LoadOptions.of(URI.create("http://127.0.0.1:" + closedPort), 2, 300)
                .withPaceMillis(0)
                .withProgressMillis(0)
                .withTimeoutMillis(2_000);
        LoadResult r = new LoadGenerator(options, null).run();
        assertThat(r.requests()).isGreaterThan(0);
        assertThat(r.failures()).isEqualTo(r.requests());
        assertThat(r.failuresByCause()).containsOnlyKeys("connection_error");
        // without a token the users never get past login
        assertThat(r.requestsByEndpoint().get("verify")).isZero();
        assertThat(r.serviceStatsJson()).isNull();
    }
}
