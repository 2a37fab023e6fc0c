package io.redispoolagent.it.harness;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The JDKs the child JVMs can run on: the one running the tests, and JDK 25 when it is installed. */
public final class Jdks {

    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");
    /** "25" as a whole version number in a directory name, e.g. temurin-25-jdk-amd64 or jdk-25.0.1. */
    private static final Pattern VERSION_25 = Pattern.compile("(^|\\D)25(\\D|$)");

    private Jdks() {}

    /** The home of the JDK running the tests. */
    public static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    /** A JDK 25 home under /usr/lib/jvm, if there is one. */
    public static Optional<Path> jdk25() {
        if (!Files.isDirectory(JVM_DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVM_DIR)) {
            return homes.filter(home ->
                            VERSION_25.matcher(home.getFileName().toString()).find())
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JDK 25 home; when there is none, skips the calling test with a message that names what is
     * skipped, also printed so it shows in the build output and not only in the reports.
     */
    public static Path assumeJdk25(String skipped) {
        Optional<Path> jdk = jdk25();
        if (jdk.isEmpty()) {
            String message = "JDK 25 not found under " + JVM_DIR + ": skipping " + skipped;
            System.err.println(message);
            assumeTrue(false, message);
        }
        return jdk.get();
    }
}
