package io.redispoolagent.it.metrics;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.SystemProperties;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Shared steps of the metrics tests: free ports, a child JVM that runs while the test looks at it, polling. */
final class MetricsHarness {

    private MetricsHarness() {}

    /** The application-side Micrometer (core and its Prometheus registry) that the build resolved for child JVMs. */
    static List<Path> micrometerClasspath() {
        return Arrays.stream(SystemProperties.require("micrometer.classpath").split(File.pathSeparator))
                .map(Path::of)
                .toList();
    }

    /** A scenario running in the background; {@link #release()} lets it finish, {@link #result()} waits for it. */
    static final class Running implements AutoCloseable {

        private final CompletableFuture<ChildJvm.Result> result;
        private final Path releaseFile;

        private Running(CompletableFuture<ChildJvm.Result> result, Path releaseFile) {
            this.result = result;
            this.releaseFile = releaseFile;
        }

        /** Starts the child; the release file's path is its last program argument. */
        static Running start(ChildJvm child, Path releaseFile) {
            return new Running(CompletableFuture.supplyAsync(child::run), releaseFile);
        }

        boolean finished() {
            return result.isDone();
        }

        void release() {
            try {
                Files.writeString(releaseFile, "go");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ChildJvm.Result result() {
            release();
            try {
                return result.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the scenario failed", e);
            }
        }

        @Override
        public void close() {
            release();
        }
    }

    /**
     * Calls {@code probe} every 100 ms until {@code done} accepts what it returns, and returns that;
     * fails after {@code timeout} or when the child has finished, with the last value and the child's output.
     */
    static <T> T await(Running child, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            if (child.finished()) {
                throw new AssertionError(
                        "the scenario ended before its metrics showed up; last seen:\n" + last + "\n" + child.result());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(
                "metrics not seen within " + timeout + "; last seen:\n" + last + "\n" + child.result());
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The body of a plain GET, or null when nothing answers yet. */
    static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
