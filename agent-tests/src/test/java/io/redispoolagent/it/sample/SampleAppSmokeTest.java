package io.redispoolagent.it.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.testsupport.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI smoke test of the demo: the sample app's shaded jar in a child JVM with the agent (production profile) and
 * {@code serve --port 0} on its embedded redis-server, then a short low load from a second child JVM
 * ({@code load --users 20 --duration 3s --json}); the JSON must show requests, zero failures, and the pool the agent
 * sized. A few seconds; the full comparison is bench/compare.sh.
 */
class SampleAppSmokeTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    static Path sampleAppJar() {
        String override = System.getProperty("sample.app.jar");
        if (override != null && !override.isEmpty()) {
            return Paths.get(override);
        }
        // agent/target/redis-pool-agent.jar -> <root>/sample-app/target/sample-app.jar
        Path root = ChildJvm.agentJar()
                .toAbsolutePath()
                .normalize()
                .getParent()
                .getParent()
                .getParent();
        return root.resolve("sample-app").resolve("target").resolve("sample-app.jar");
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void lowLoadWithTheAgentHasNoFailures() throws Exception {
        Path appJar = sampleAppJar();
        assertThat(appJar)
                .as("the shaded sample app (mvn -pl sample-app package)")
                .exists();
        assertThat(ChildJvm.agentJar()).as("the agent jar").exists();

        List<String> serveCommand = List.of(
                java(),
                "-Xmx256m",
                "-javaagent:" + ChildJvm.agentJar().toAbsolutePath(),
                "-Dredis.pool.env=production",
                "-jar",
                appJar.toString(),
                "serve",
                "--port",
                "0");
        Process server =
                new ProcessBuilder(serveCommand).redirectErrorStream(true).start();
        List<String> serverOutput = java.util.Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            serverOutput.add(line);
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // the server is gone
                    }
                },
                "sample-serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String url = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (url == null && System.nanoTime() < deadline) {
                String line = lines.poll(500, TimeUnit.MILLISECONDS);
                if (line == null) {
                    assertThat(server.isAlive())
                            .as("serve exited early: %s", serverOutput)
                            .isTrue();
                    continue;
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertThat(url)
                    .as("the 'listening on' line; output so far: %s", serverOutput)
                    .isNotNull();
            assertThat(String.join("\n", serverOutput))
                    .as("serve says which Redis it started")
                    .contains("redis: redis://127.0.0.1:")
                    .contains("(embedded redis-server)");

            Path json = dir.resolve("smoke.json");
            Process load = new ProcessBuilder(
                            java(),
                            "-Xmx256m",
                            "-jar",
                            appJar.toString(),
                            "load",
                            "--target",
                            url,
                            "--users",
                            "20",
                            "--duration",
                            "3s",
                            "--progress",
                            "0",
                            "--json",
                            json.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("load.log").toFile())
                    .start();
            assertThat(load.waitFor(60, TimeUnit.SECONDS)).as("load finished").isTrue();
            String loadLog = new String(Files.readAllBytes(dir.resolve("load.log")), StandardCharsets.UTF_8);
            assertThat(load.exitValue()).as("load exit code; log:%n%s", loadLog).isZero();

            String result = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
            Map<String, Object> figures = JsonReader.object(result);
            assertThat((Double) figures.get("requests"))
                    .as("requests in %s", result)
                    .isGreaterThan(100);
            assertThat(figures.get("failures")).as("failures in %s", result).isEqualTo(0.0);
            assertThat(result)
                    .as("the pool the run met (the agent's production size)")
                    .contains("maxTotal=160");
        } finally {
            server.destroy(); // SIGTERM: the app's shutdown hook stops its redis-server
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
