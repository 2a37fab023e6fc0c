package io.redispoolagent.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * A child JVM running in the background while the test acts on the world around it (a failover, a
 * kill), coordinated through files in a handshake directory the child is given as an argument: the
 * child writes one ({@code ready}) when it has reached the point the test waits for, the test may
 * answer with another ({@code go}).
 */
public final class BackgroundChild implements AutoCloseable {

    private final Path handshake;
    private CompletableFuture<ChildJvm.Result> running;

    private BackgroundChild(Path handshake) {
        this.handshake = handshake;
    }

    /** A fresh handshake directory; give {@link #handshake()} to the child, then {@link #start} it. */
    public static BackgroundChild prepare() {
        try {
            return new BackgroundChild(Files.createTempDirectory("child-handshake-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path handshake() {
        return handshake;
    }

    public BackgroundChild start(ChildJvm jvm) {
        running = CompletableFuture.supplyAsync(jvm::run);
        return this;
    }

    /** Waits for the child to write {@code name}, and returns what it wrote; fails if the child ends first. */
    public String awaitFile(String name, Duration timeout) {
        Path file = handshake.resolve(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (running.isDone()) {
                throw new AssertionError("the child ended before writing " + name + ":\n" + join());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child did not write " + name + " within " + timeout.toSeconds() + " s");
            }
            pause(20);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code name} for the child, atomically, so it never reads half of it. */
    public void writeFile(String name, String content) {
        try {
            Path temporary = handshake.resolve(name + ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, handshake.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child to end and returns what it did; a harness failure (a timeout) is rethrown as is. */
    public ChildJvm.Result join() {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Sleeps, for tests that pace what they do to the child's world. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(handshake)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind fails no test
        }
    }
}
