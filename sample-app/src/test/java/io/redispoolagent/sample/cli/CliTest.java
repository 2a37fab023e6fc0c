package io.redispoolagent.sample.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redispoolagent.sample.Main;
import io.redispoolagent.sample.load.LoadOptions;
import io.redispoolagent.sample.service.ServeOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CliTest {

    @Test
    void serveDefaults() throws Exception {
        ServeOptions s = Cli.parseServe(Arrays.<String>asList());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.redisUri()).isNull();
        assertThat(s.client()).isEqualTo("jedis");
        assertThat(s.threads()).isEqualTo(200);
    }

    @Test
    void serveAllOptions() throws Exception {
        ServeOptions s = Cli.parseServe(Arrays.asList(
                "--port",
                "18080",
                "--redis",
                "redis://10.0.0.5:6380/2",
                "--client=LETTUCE",
                "--threads",
                "50",
                "--bind",
                "0.0.0.0"));
        assertThat(s.port()).isEqualTo(18080);
        assertThat(s.redisUri()).isEqualTo(URI.create("redis://10.0.0.5:6380/2"));
        assertThat(s.client()).isEqualTo("lettuce");
        assertThat(s.threads()).isEqualTo(50);
        assertThat(s.bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void serveRejectsBadInputWithClearMessages() {
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--port", "http")))
                .isInstanceOf(UsageException.class)
                .hasMessage("serve: --port expects a whole number from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--port", "70000")))
                .hasMessage("serve: --port expects a whole number from 0 to 65535, got 70000");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--client", "redisson")))
                .hasMessage("serve: --client expects one of jedis|lettuce, got 'redisson'");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--redis", "localhost:6379")))
                .hasMessageStartingWith("serve: --redis expects a URL like redis://127.0.0.1:PORT");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--prot", "1")))
                .hasMessageStartingWith("serve: unknown option --prot (known: --port, --bind");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--port")))
                .hasMessage("serve: option --port needs a value");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--port", "1", "--port", "2")))
                .hasMessage("serve: option --port given twice");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("8080")))
                .hasMessage("serve: unexpected argument '8080' (options look like --name value)");
    }

    @Test
    void loadRequiredAndDefaults() throws Exception {
        LoadOptions l =
                Cli.parseLoad(Arrays.asList("--target", "http://127.0.0.1:18080", "--users", "50", "--duration", "5s"));
        assertThat(l.target()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(l.users()).isEqualTo(50);
        assertThat(l.durationMillis()).isEqualTo(5_000);
        assertThat(l.rampMillis()).isZero();
        assertThat(l.paceMillis()).isEqualTo(100);
        assertThat(l.verifyPerCycle()).isEqualTo(3);
        assertThat(l.timeoutMillis()).isEqualTo(30_000);
        assertThat(l.progressMillis()).isEqualTo(5_000);
        assertThat(l.statusUri()).isNull();
        assertThat(l.jsonFile()).isNull();
    }

    @Test
    void loadAllOptions() throws Exception {
        LoadOptions l = Cli.parseLoad(Arrays.asList(
                "--target",
                "http://127.0.0.1:18080/",
                "--users",
                "2000",
                "--ramp",
                "10s",
                "--duration",
                "2m",
                "--json",
                "out.json",
                "--verify-per-cycle",
                "5",
                "--timeout",
                "1500ms",
                "--status",
                "http://127.0.0.1:9464",
                "--pace",
                "0",
                "--progress",
                "1s"));
        assertThat(l.users()).isEqualTo(2000);
        assertThat(l.rampMillis()).isEqualTo(10_000);
        assertThat(l.durationMillis()).isEqualTo(120_000);
        assertThat(l.jsonFile()).isEqualTo(Paths.get("out.json"));
        assertThat(l.verifyPerCycle()).isEqualTo(5);
        assertThat(l.timeoutMillis()).isEqualTo(1_500);
        assertThat(l.statusUri()).isEqualTo(URI.create("http://127.0.0.1:9464"));
        assertThat(l.paceMillis()).isZero();
        assertThat(l.progressMillis()).isEqualTo(1_000);
    }

    @Test
    void loadRejectsBadInputWithClearMessages() {
        assertThatThrownBy(() -> Cli.parseLoad(Arrays.asList("--users", "5", "--duration", "5s")))
                .hasMessage("load: option --target is required (e.g. --target http://127.0.0.1:8080)");
        assertThatThrownBy(() -> Cli.parseLoad(Arrays.asList("--target", "http://127.0.0.1:1", "--duration", "5s")))
                .hasMessage("load: option --users is required");
        assertThatThrownBy(() -> Cli.parseLoad(
                        Arrays.asList("--target", "http://127.0.0.1:1", "--users", "0", "--duration", "5s")))
                .hasMessage("load: --users expects a whole number from 1 to 100000, got 0");
        assertThatThrownBy(() -> Cli.parseLoad(
                        Arrays.asList("--target", "http://127.0.0.1:1", "--users", "5", "--duration", "five")))
                .hasMessage("load: --duration expected a duration like 500ms, 10s, 2m or 1h, got 'five'");
        assertThatThrownBy(() -> Cli.parseLoad(Arrays.asList(
                        "--target", "http://127.0.0.1:1", "--users", "5", "--duration", "5s", "--ramp", "10s")))
                .hasMessage("load: --ramp (10s) must not be longer than --duration (5s)");
        assertThatThrownBy(() -> Cli.parseLoad(
                        Arrays.asList("--target", "ftp://127.0.0.1:1", "--users", "5", "--duration", "5s")))
                .hasMessage("load: --target expects a URL like http://127.0.0.1:PORT, got 'ftp://127.0.0.1:1'");
        assertThatThrownBy(() -> Cli.parseLoad(Arrays.asList(
                        "--target",
                        "http://127.0.0.1:1",
                        "--users",
                        "5",
                        "--duration",
                        "5s",
                        "--status",
                        "127.0.0.1:9464")))
                .hasMessageStartingWith("load: --status expects a URL like http://127.0.0.1:PORT");
        assertThatThrownBy(() -> Cli.parseLoad(Arrays.asList(
                        "--target", "http://127.0.0.1:1", "--users", "5", "--duration", "5s", "--progress", "10ms")))
                .hasMessage("load: --progress must be 0 (off) or at least 100ms, got 10ms");
    }

    @Test
    void mainExitCodes() {
        assertThat(runMain()).isEqualTo(new Run(2, Cli.USAGE + System.lineSeparator(), ""));
        assertThat(runMain("help").code).isZero();
        Run unknown = runMain("benchmark");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).startsWith("error: unknown command 'benchmark' (expected serve or load)");
        Run bad = runMain("load", "--target", "http://127.0.0.1:1", "--users", "many", "--duration", "5s");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).startsWith("error: load: --users expects a whole number from 1 to 100000, got 'many'");
        assertThat(bad.out).isEmpty();
        Run badServe = runMain("serve", "--client", "redisson");
        assertThat(badServe.code).isEqualTo(2);
        assertThat(badServe.err).contains("--client expects one of jedis|lettuce");
    }

    private static Run runMain(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true);
                PrintStream e = new PrintStream(err, true)) {
            code = Main.run(args, o, e);
        }
        return new Run(
                code,
                new String(out.toByteArray(), StandardCharsets.UTF_8),
                new String(err.toByteArray(), StandardCharsets.UTF_8));
    }

    private static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Run && ((Run) o).code == code && ((Run) o).out.equals(out) && ((Run) o).err.equals(err);
        }

        @Override
        public int hashCode() {
            return code;
        }

        @Override
        public String toString() {
            return "exit " + code + "\nout: " + out + "\nerr: " + err;
        }
    }

    @Test
    void serveTakesASimulatedRedisLatency() throws UsageException {
        assertThat(Cli.parseServe(Arrays.<String>asList()).redisLatencyMicros()).isZero();
        assertThat(Cli.parseServe(Arrays.asList("--redis-latency", "2ms")).redisLatencyMicros())
                .isEqualTo(2_000);
        assertThat(Cli.parseServe(Arrays.asList("--redis-latency=500us")).redisLatencyMicros())
                .isEqualTo(500);
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--redis-latency", "2s")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--redis-latency must be between");
        assertThatThrownBy(() -> Cli.parseServe(Arrays.asList("--redis-latency", "fast")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--redis-latency");
    }
}
