package io.redispoolagent.testsupport.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server 7 running as a child process on 127.0.0.1, for the tests and the demo.
 *
 * <p>The binary is the {@code redis-server-7.0.15-<os>-<arch>} resource that
 * {@code org.signal:embedded-redis} ships (linux and darwin, amd64 and arm64); it must be on the
 * class path. It is extracted once per JVM into a temporary directory, which also holds one private
 * working directory per server. Every server runs with {@code --bind 127.0.0.1 --save ""
 * --appendonly no}, so nothing persists, and writes its log to {@code redis.log} in its working
 * directory (see {@link #log()}). Several servers may run at once. Servers still running when the
 * JVM exits are killed and the temporary directory is deleted.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.start()) {          // a free port
 *     new JedisPool(redis.host(), redis.port());
 * }
 * RedisServerProcess.start(6390);                                       // a given port
 * RedisServerProcess.start(0, "--cluster-enabled", "yes",               // extra redis-server arguments
 *                             "--cluster-config-file", "nodes.conf");   //   (relative to the working dir)
 * RedisServerProcess.startWithConfig(sentinelConf, 0, "--sentinel");    // redis-server <conf> --sentinel
 * }</pre>
 *
 * <p>{@link #start} returns once the server answers PING. {@link #stop()} shuts it down (SIGTERM,
 * forcibly after 5 s), {@link #kill()} kills it at once (SIGKILL, like a crash), {@link #restart()}
 * starts it again on the same port with the same arguments and working directory, and {@link
 * #close()} stops it and deletes its working directory. Failures are unchecked exceptions; a server
 * that does not come up is reported with its log.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final String REDIS_VERSION = "7.0.15";
    private static final String HOST = "127.0.0.1";
    private static final long STARTUP_TIMEOUT_MILLIS = 10_000;
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final Set<RedisServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    private static Path installDir;
    private static Path binary;

    private final Path configFile;
    private final int port;
    private final List<String> extraArgs;
    private final Path workDir;
    private final Path logFile;
    private Process process;

    private RedisServerProcess(Path configFile, int port, List<String> extraArgs, Path workDir) {
        this.configFile = configFile;
        this.port = port;
        this.extraArgs = extraArgs;
        this.workDir = workDir;
        this.logFile = workDir.resolve("redis.log");
    }

    /** Starts a server on a free port. */
    public static RedisServerProcess start() {
        return start(0);
    }

    /** Starts a server on {@code port} (0: a free one), with extra redis-server arguments appended. */
    public static RedisServerProcess start(int port, String... extraArgs) {
        return startWithConfig(null, port, extraArgs);
    }

    /**
     * Starts {@code redis-server <configFile>} on {@code port} (0: a free one), with extra arguments
     * appended, e.g. {@code "--sentinel"}. Sentinel rewrites its config file, so it must be writable.
     */
    public static RedisServerProcess startWithConfig(Path configFile, int port, String... extraArgs) {
        List<String> args = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(extraArgs)));
        if (port != 0) {
            return launchNew(configFile, port, args);
        }
        // Another process can take the probed port before redis-server binds it: then try another.
        for (int attempt = 1; ; attempt++) {
            try {
                return launchNew(configFile, freePort(), args);
            } catch (PortTakenException e) {
                if (attempt == FREE_PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Everything the server has logged so far, across restarts. */
    public String log() {
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Shuts the server down; redis-server exits cleanly on SIGTERM and, with no persistence, saves nothing. */
    public void stop() {
        process.destroy();
        if (!awaitExit(5, TimeUnit.SECONDS)) {
            kill();
        }
        RUNNING.remove(this);
    }

    /** Kills the server at once, as a crash would; clients see their connections reset. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(5, TimeUnit.SECONDS);
        RUNNING.remove(this);
    }

    /** Starts the server again on the same port, with the same arguments, stopping it first if it runs. */
    public void restart() {
        if (process.isAlive()) {
            stop();
        }
        launch();
    }

    /** Stops the server and deletes its working directory. */
    @Override
    public void close() {
        if (process != null) {
            stop();
        }
        deleteRecursively(workDir);
    }

    @Override
    public String toString() {
        return "redis-server " + REDIS_VERSION + " on " + HOST + ":" + port;
    }

    private static RedisServerProcess launchNew(Path configFile, int port, List<String> args) {
        RedisServerProcess server;
        try {
            server = new RedisServerProcess(configFile, port, args, Files.createTempDirectory(installDir(), "server-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            server.launch();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void launch() {
        // Otherwise the PING check below could be answered by whatever already listens there.
        ensurePortFree();
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        if (configFile != null) {
            command.add(configFile.toString());
        }
        command.addAll(Arrays.asList(
                "--port",
                Integer.toString(port),
                "--bind",
                HOST,
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                workDir.toString()));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        RUNNING.add(this);
        awaitPong();
    }

    private void ensurePortFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            throw new PortTakenException(HOST + ":" + port + " is already in use (" + e.getMessage() + ")");
        }
    }

    private void awaitPong() {
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (!answersPing()) {
            if (!process.isAlive()) {
                RUNNING.remove(this);
                String log = log();
                String message = this + " exited with code " + process.exitValue() + " while starting. Log:\n" + log;
                throw log.contains("Address already in use")
                        ? new PortTakenException(message)
                        : new IllegalStateException(message);
            }
            if (System.currentTimeMillis() > deadline) {
                kill();
                throw new IllegalStateException(
                        this + " did not answer PING within " + STARTUP_TIMEOUT_MILLIS + " ms. Log:\n" + log());
            }
            sleep(20);
        }
    }

    /** A server started with {@code --requirepass} answers {@code -NOAUTH}: it is up all the same. */
    private boolean answersPing() {
        try (RespClient client = new RespClient(HOST, port, 1_000)) {
            Object reply = client.call("PING");
            return "PONG".equals(reply)
                    || reply instanceof RuntimeException
                            && ((RuntimeException) reply).getMessage().startsWith("NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    private boolean awaitExit(long timeout, TimeUnit unit) {
        try {
            return process.waitFor(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static synchronized Path binary() {
        if (binary == null) {
            String resource = "redis-server-" + REDIS_VERSION + "-" + os() + "-" + arch();
            Path target = installDir().resolve("redis-server");
            try (InputStream in = RedisServerProcess.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path: it comes from "
                            + "org.signal:embedded-redis, which ships linux/darwin amd64/arm64 binaries");
                }
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract " + resource, e);
            }
            if (!target.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + target + " executable");
            }
            binary = target;
        }
        return binary;
    }

    private static synchronized Path installDir() {
        if (installDir == null) {
            try {
                installDir = Files.createTempDirectory("redis-server-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(RedisServerProcess::killAllAndCleanUp, "redis-server-cleanup"));
        }
        return installDir;
    }

    private static void killAllAndCleanUp() {
        for (RedisServerProcess server : RUNNING) {
            server.process.destroyForcibly();
        }
        deleteRecursively(installDir);
    }

    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "linux";
        }
        if (name.contains("mac")) {
            return "darwin";
        }
        throw new IllegalStateException("no redis-server binary for " + System.getProperty("os.name"));
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        switch (arch) {
            case "amd64":
            case "x86_64":
                return "amd64";
            case "aarch64":
            case "arm64":
                return "arm64";
            case "x86":
            case "i386":
                return "386";
            default:
                throw new IllegalStateException("no redis-server binary for architecture " + arch);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a temporary directory left behind is no reason to fail a test or the demo.
        }
    }

    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
