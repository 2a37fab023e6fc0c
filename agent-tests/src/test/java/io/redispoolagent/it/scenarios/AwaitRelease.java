package io.redispoolagent.it.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;

/** Lets a scenario wait, holding its state, until the test creates a file (or 30 s pass). */
final class AwaitRelease {

    private AwaitRelease() {}

    static void await(Path release) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(release) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
