package io.redispoolagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.status.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true);

    private String output() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void addressesArePortsOrHostAndPort() {
        assertThat(StatusCommand.hostPort("9091")).isEqualTo("127.0.0.1:9091");
        assertThat(StatusCommand.hostPort("cache-box:9091")).isEqualTo("cache-box:9091");
        assertThat(StatusCommand.hostPort("::1:9091")).isEqualTo("[::1]:9091");
        assertThat(StatusCommand.hostPort("[::1]:9091")).isEqualTo("[::1]:9091");
        assertThat(StatusCommand.hostPort("0")).isNull();
        assertThat(StatusCommand.hostPort("70000")).isNull();
        assertThat(StatusCommand.hostPort("host")).isNull();
        assertThat(StatusCommand.hostPort(":9091")).isNull();
    }

    @Test
    void aBadArgumentPrintsUsage() {
        assertThat(Cli.run(new String[] {"status", "not-a-port"}, out)).isEqualTo(Cli.USAGE);
        assertThat(output()).contains("Usage: java -jar redis-pool-agent.jar status [<port> | <host>:<port>]");
    }

    @Test
    void nothingListeningIsExplained() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(Cli.run(new String[] {"status", String.valueOf(port)}, out)).isEqualTo(StatusCommand.UNREACHABLE);
        assertThat(output())
                .startsWith("Nothing answers on 127.0.0.1:" + port)
                .contains("-Dredis.pool.status.port=<port>");
    }

    @Test
    void printsOneRowPerPoolAndTheRecommendations() {
        String json = "{\"version\": \"1.0\", \"time\": \"2025-01-01T00:00:00Z\", \"windowSeconds\": 60, \"pools\": [\n"
                + "{\"name\": \"10.0.0.5:6379/0\", \"client\": \"jedis\", \"kind\": \"JedisPool\", \"status\": \"critical\","
                + " \"settings\": {\"before\": {\"maxTotal\": 8}, \"after\": {\"maxTotal\": 3}, \"changes\": []},"
                + " \"used\": 3, \"idle\": 0, \"max\": 3, \"utilization\": 1, \"pending\": 0, \"timeouts\": 2,"
                + " \"waitMillis\": {\"count\": 5, \"p50\": 0.05, \"p95\": 212.5, \"p99\": 247.5},"
                + " \"borrowsPerSecond\": null, \"meanHoldMillis\": null, \"suggestedMaxTotal\": 4,"
                + " \"retries\": {\"retried\": 7, \"gave_up\": 1},"
                + " \"recommendations\": [{\"severity\": \"critical\", \"code\": \"exhausted\","
                + " \"message\": \"pool exhausted: 2 borrows timed out\"}]}]}";
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) JsonReader.parse(json);
        StatusCommand.print(document, "127.0.0.1:9091", out);

        String[] lines = output().split("\n");
        assertThat(lines[0])
                .isEqualTo("redis-pool-agent 1.0 status at 127.0.0.1:9091, 2025-01-01T00:00:00Z"
                        + " (rates over the last 60 s)");
        assertThat(lines[2]).startsWith("POOL").contains("USED/MAX").contains("SUGGESTED");
        assertThat(lines[3].split("\\s{2,}"))
                .containsExactly(
                        "10.0.0.5:6379/0",
                        "jedis",
                        "JedisPool",
                        "CRITICAL",
                        "3/3",
                        "0",
                        "100%",
                        "0",
                        "2",
                        "0.05/213/248",
                        "-",
                        "-",
                        "7 (1 gave up)",
                        "8->3",
                        "4");
        assertThat(output())
                .contains("Recommendations:\n  CRITICAL  10.0.0.5:6379/0  pool exhausted: 2 borrows timed out");
    }

    @Test
    void anEmptyViewSaysSo() {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) JsonReader.parse("{\"pools\": []}");
        StatusCommand.print(document, "127.0.0.1:9091", out);
        assertThat(output()).contains("No Redis pool yet");
    }
}
