package io.redispoolagent.it.harness;

import io.redispoolagent.testsupport.redis.RespClient;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a main class in a new JVM, optionally with the agent, and captures what it prints.
 *
 * <pre>{@code
 * ChildJvm.Result result = ChildJvm.forMain(JedisPingApp.class)
 *         .client(ClientMatrix.jedis("3.10.0"))        // the client's jars, after the scenario classes
 *         .withAgent()                                   // -javaagent:agent/target/redis-pool-agent.jar
 *         .systemProperty("redis.pool.env", "production")
 *         .args(redis.server().host(), String.valueOf(redis.server().port()))
 *         .run();
 * }</pre>
 *
 * <p>The classpath is the scenario classes directory (system property {@code scenario.classes}), the
 * test support the scenarios use (its RESP client, fault proxy and connection killer), and the jars of
 * at most one client version. The child runs on the JDK running the tests unless {@link
 * #javaHome} says otherwise. It inherits the environment except the variables that configure the
 * agent or the JVM ({@code REDIS_POOL_*}, {@code DEPLOYMENT_ENV}, {@code OTEL_*}, {@code
 * JAVA_TOOL_OPTIONS}, ...), so a developer's shell cannot change what a test sees; {@link #env} sets
 * them explicitly. A child still running at the timeout (default 60 s) is killed and {@link #run()}
 * fails with what it had printed.
 */
public final class ChildJvm {

    private static final List<String> UNINHERITED_VARIABLE_PREFIXES =
            List.of("REDIS_POOL_", "DEPLOYMENT_ENV", "OTEL_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final String mainClass;
    private final Path executableJar;
    private Path javaHome = Jdks.current();
    private final List<String> agentOptions = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> launcher = new ArrayList<>();
    private List<Path> clientClasspath = List.of();
    private final List<Path> extraClasspath = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(60);
    private Consumer<String> stderrListener;

    private ChildJvm(String mainClass, Path executableJar) {
        this.mainClass = mainClass;
        this.executableJar = executableJar;
    }

    public static ChildJvm forMain(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName(), null);
    }

    /**
     * Runs an executable jar with {@code java -jar}, as a service is started in production (a Spring Boot fat
     * jar): the jar is the whole classpath, so neither the scenario classes nor a client's jars are added.
     */
    public static ChildJvm forJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (mvn verify from the root)");
        }
        return new ChildJvm(jar.getFileName().toString(), jar);
    }

    /** The path of the agent jar the build produces (system property {@code agent.jar}). */
    public static Path agentJar() {
        return Path.of(SystemProperties.require("agent.jar")).normalize();
    }

    public ChildJvm javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    /** Adds {@code -javaagent:<agent jar>}; call it twice to load the agent twice. */
    public ChildJvm withAgent() {
        return withAgentOption("");
    }

    /** Adds {@code -javaagent:<agent jar>=<agentArgs>}. */
    public ChildJvm withAgent(String agentArgs) {
        return withAgentOption("=" + agentArgs);
    }

    public ChildJvm systemProperty(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    public ChildJvm jvmArgs(String... args) {
        jvmArgs.addAll(List.of(args));
        return this;
    }

    /** Starts the JVM through {@code command} (such as {@code /usr/bin/time -o file}), which runs it as its child. */
    public ChildJvm launchedBy(String... command) {
        launcher.addAll(List.of(command));
        return this;
    }

    public ChildJvm client(ClientMatrix.Client client) {
        this.clientClasspath = client.classpath();
        return this;
    }

    /** Adds jars or directories after the client's on the classpath (an application library such as Micrometer). */
    public ChildJvm extraClasspath(List<Path> entries) {
        this.extraClasspath.addAll(entries);
        return this;
    }

    public ChildJvm args(String... args) {
        programArgs.addAll(List.of(args));
        return this;
    }

    public ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ChildJvm timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * Hands each line the child prints on stderr to {@code listener} as it is printed (on the thread that
     * drains it), so that a test can wait for the child to get somewhere rather than guess how long that takes.
     */
    public ChildJvm onStderrLine(Consumer<String> listener) {
        this.stderrListener = listener;
        return this;
    }

    /** Runs the child to its end and returns what it printed; fails if it outlives the timeout. */
    public Result run() {
        List<String> command = command();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(name -> UNINHERITED_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        // Both streams are drained while the child runs, or a chatty child blocks on a full pipe.
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(
                stderrListener == null
                        ? process.getErrorStream()
                        : new LineTap(process.getErrorStream(), stderrListener));
        boolean finished = waitFor(process);
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(process);
            throw new AssertionError(mainClass + " did not finish within " + timeout.toSeconds()
                    + " s and was killed.\ncommand: " + String.join(" ", command)
                    + "\nstdout:\n" + join(stdout) + "\nstderr:\n" + join(stderr));
        }
        return new Result(String.join(" ", command), process.exitValue(), join(stdout), join(stderr), wallTime);
    }

    private ChildJvm withAgentOption(String suffix) {
        Path jar = agentJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the agent first (mvn verify from the root)");
        }
        agentOptions.add("-javaagent:" + jar + suffix);
        return this;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(launcher);
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(jvmArgs);
        command.addAll(agentOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (executableJar != null) {
            command.add("-jar");
            command.add(executableJar.toString());
        } else {
            command.addAll(classpathAndMain());
        }
        command.addAll(programArgs);
        return command;
    }

    private List<String> classpathAndMain() {
        List<String> command = new ArrayList<>();
        List<String> classpath = new ArrayList<>();
        classpath.add(SystemProperties.require("scenario.classes"));
        classpath.add(testSupportClasses().toString());
        clientClasspath.forEach(jar -> classpath.add(jar.toString()));
        extraClasspath.forEach(jar -> classpath.add(jar.toString()));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        return command;
    }

    /**
     * The test support's jar (or classes directory, in a reactor build), taken from this JVM's own class
     * path, so a child runs the very build the tests were compiled against.
     */
    private static Path testSupportClasses() {
        try {
            return Path.of(RespClient.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test support classes", e);
        }
    }

    private boolean waitFor(Process process) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for " + mainClass, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread drainer = new Thread(
                () -> {
                    try (stream) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        stream.transferTo(bytes);
                        text.complete(bytes.toString(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        text.completeExceptionally(e);
                    }
                },
                "child-jvm-drain");
        drainer.setDaemon(true);
        drainer.start();
        return text;
    }

    /** Passes a stream through unchanged, and each complete line of it (without its line end) to a listener. */
    private static final class LineTap extends FilterInputStream {

        private final Consumer<String> listener;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineTap(InputStream stream, Consumer<String> listener) {
            super(stream);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0) {
                see(next);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            for (int i = 0; i < count; i++) {
                see(buffer[offset + i]);
            }
            return count;
        }

        private void see(int next) {
            if (next != '\n') {
                line.write(next);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            listener.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
    }

    private static String join(CompletableFuture<String> text) {
        try {
            return text.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the child's output", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot read the child's output", e);
        }
    }

    /** What the child did; {@link #toString()} shows all of it, for assertion messages. */
    public record Result(String command, int exitCode, String stdout, String stderr, Duration wallTime) {

        private static final String AGENT_PREFIX = "[redis-pool-agent]";

        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /**
         * The stdout lines that contain {@code marker}, keyed by their first word: scenarios print what they
         * read from live pools as {@code <label> <settings>}, e.g. {@code JedisPool/default maxTotal=160 ...}.
         */
        public Map<String, String> stdoutByLabel(String marker) {
            Map<String, String> byLabel = new TreeMap<>();
            for (String line : stdoutLines()) {
                int space = line.indexOf(' ');
                if (space > 0 && line.contains(marker)) {
                    byLabel.put(line.substring(0, space), line.substring(space + 1));
                }
            }
            return byLabel;
        }

        /** The stderr lines the agent logged: those starting with {@code [redis-pool-agent]}. */
        public List<String> agentLines() {
            return stderr.lines().filter(line -> line.startsWith(AGENT_PREFIX)).toList();
        }

        /** The agent's warnings but its exhaustion reports, which every timed-out borrow brings (one a minute per pool). */
        public List<String> warningsBesidesExhaustionReports() {
            return agentLines("WARN").stream()
                    .filter(line -> !line.contains(" is exhausted: "))
                    .collect(Collectors.toList());
        }

        /** The agent's lines at one level, e.g. {@code agentLines("WARN")}. */
        public List<String> agentLines(String level) {
            String prefix = AGENT_PREFIX + " " + level + " ";
            return stderr.lines().filter(line -> line.startsWith(prefix)).toList();
        }

        @Override
        public String toString() {
            return "child JVM exited with " + exitCode + " after " + wallTime.toMillis() + " ms" + "\ncommand: "
                    + command + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }
}
