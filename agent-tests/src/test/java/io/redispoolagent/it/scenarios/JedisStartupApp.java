package io.redispoolagent.it.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small Jedis application for the start-up cost benchmark: {@link JedisPingApp}'s work (one pool,
 * one SET, one GET against {@code <host> <port>}), then its own peak resident memory, printed as
 * {@code peak-rss-kib: N} from {@code VmHWM} in /proc/self/status (Linux only).
 */
public final class JedisStartupApp {

    public static final String PEAK_RSS_LABEL = "peak-rss-kib: ";

    private JedisStartupApp() {}

    public static void main(String[] args) throws IOException {
        JedisPingApp.main(args);
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.replaceAll("\\D", ""))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmHWM in /proc/self/status"));
        System.out.println(PEAK_RSS_LABEL + peak);
    }
}
