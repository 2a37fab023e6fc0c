package io.redispoolagent.it.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.AttachTargetApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar redis-pool-agent.jar attach <pid>}: a running service's existing pool is sized at its next borrow. */
class AttachTest {

    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.oneServer();

    private static String attach(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 4];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-jar";
        command[2] = ChildJvm.agentJar().toString();
        command[3] = "attach";
        System.arraycopy(arguments, 0, command, 4, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + ": " + output;
    }

    @Test
    void aPoolBuiltBeforeTheAttachIsSizedAtItsNextBorrow(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        CompletableFuture<ChildJvm.Result> service = CompletableFuture.supplyAsync(() -> ChildJvm.forMain(
                        AttachTargetApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .args(REDIS.server().host(), String.valueOf(REDIS.server().port()), pidFile.toString(), "160")
                .run());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String pid = Files.readString(pidFile).trim();

        String attached = attach(pid, "env=production");
        ChildJvm.Result result = service.get(60, TimeUnit.SECONDS);

        assertThat(attached).startsWith("exit 0").contains("loaded into JVM " + pid);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdoutLines())
                .startsWith("maxTotal=8")
                .contains("maxTotal=160")
                .contains("JedisPool/after-attach maxTotal=160 maxIdle=160 minIdle=16 maxWaitMillis=1000"
                        + " blockWhenExhausted=true testWhileIdle=true evictionMillis=30000");
        assertThat(result.agentLines())
                .anySatisfy(line -> assertThat(line)
                        .contains("pool " + REDIS.server().host() + ":"
                                + REDIS.server().port() + "/0 (jedis JedisPool),"
                                + " adopted at its first borrow after attach: maxTotal 8 -> 160"));
    }

    @Test
    void attachingToAProcessThatDoesNotExistSaysSoAndFails() throws Exception {
        String attached = attach("999999999");

        assertThat(attached)
                .startsWith("exit 1")
                .contains("JVM 999999999 could not be reached")
                .contains("jps -l");
    }

    @Test
    void attachWithoutAPidPrintsUsage() throws Exception {
        assertThat(attach()).startsWith("exit 2").contains("Usage: java -jar redis-pool-agent.jar attach <pid>");
    }
}
