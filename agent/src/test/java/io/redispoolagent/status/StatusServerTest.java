package io.redispoolagent.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.pool.Holders;
import io.redispoolagent.pool.PoolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusServerTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private StatusServer server;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int status(String url, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod(method);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        assertThat(connection.getResponseCode()).isEqualTo(200);
        assertThat(connection.getContentType()).isEqualTo("application/json; charset=utf-8");
        try (InputStream in = connection.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, read);
            }
            return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesTheDocumentOnLoopbackAtRootAndPools() throws IOException {
        int port = freePort();
        server = StatusServer.start("127.0.0.1", port, new PoolRegistry(), new Holders(), 5_000);
        assertThat(server).isNotNull();
        server.sample();

        Map<?, ?> document = (Map<?, ?>) JsonReader.parse(get("http://127.0.0.1:" + port + "/"));
        assertThat(document.get("agent")).isEqualTo("redis-pool-agent");
        assertThat(document.get("pools")).isInstanceOf(List.class);
        assertThat(document.get("windowSeconds")).isEqualTo(60.0);
        assertThat(((Map<?, ?>) document.get("thresholds")).get("criticalUtilization"))
                .isEqualTo(0.8);
        assertThat(JsonReader.parse(get("http://127.0.0.1:" + port + "/pools"))).isInstanceOf(Map.class);
        assertThat(status("http://127.0.0.1:" + port + "/nothing", "GET")).isEqualTo(404);
        assertThat(status("http://127.0.0.1:" + port + "/", "DELETE")).isEqualTo(405);
        assertThat(status("http://127.0.0.1:" + port + "/", "HEAD")).isEqualTo(200);
        assertThat(stderr.toString()).contains("INFO status view: http://127.0.0.1:" + port + "/");
    }

    @Test
    void bindsTheLoopbackOnlyByDefault() throws IOException {
        int port = freePort();
        server = StatusServer.start("127.0.0.1", port, new PoolRegistry(), new Holders(), 5_000);
        assertThat(server).isNotNull();
        // Not on every interface: a wildcard bind of the same port would fail if the view held it.
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.2"), port));
        } catch (IOException notLinux) {
            // 127.0.0.2 is not a loopback address on every OS; the check is best effort there
        }
    }

    @Test
    void aPortInUseIsOneClearWarningAndNoFailure() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(StatusServer.start("127.0.0.1", port, new PoolRegistry(), new Holders(), 5_000))
                    .isNull();
            String log = stderr.toString();
            assertThat(log)
                    .contains("[redis-pool-agent] WARN status view not started: cannot listen on 127.0.0.1:" + port)
                    .contains("the application runs on without it");
            assertThat(log.split("\n")).hasSize(1);
        }
    }

    @Test
    void anUnknownHostIsAWarningToo() {
        assertThat(StatusServer.start("no-such-host.invalid", 1, new PoolRegistry(), new Holders(), 5_000))
                .isNull();
        assertThat(stderr.toString())
                .contains("WARN status view not started: redis.pool.status.host"
                        + " 'no-such-host.invalid' is not a known host");
    }
}
