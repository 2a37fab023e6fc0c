package io.redispoolagent.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.scenarios.JedisExhaustionApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The exhausted-pool scenario the metrics and status tests read: a Jedis 5.2 app whose JedisPool the
 * agent sizes to {@link #HELD} connections with a {@link #MAX_WAIT} wait; it opens and holds all of them,
 * makes {@link #TIMED_OUT} more borrows that time out, and keeps the pool exhausted until the release
 * file exists. It prints how long each borrow took: {@link Borrows}.
 */
public final class ExhaustedJedisPool {

    public static final int HELD = 3;
    public static final int TIMED_OUT = 2;
    /** How long a borrow of the exhausted pool waits for a connection before it gives up. */
    public static final Duration MAX_WAIT = Duration.ofMillis(200);

    private ExhaustedJedisPool() {}

    public static ChildJvm app(RedisExtension redis, Path release) {
        return ChildJvm.forMain(JedisExhaustionApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .withAgent()
                .systemProperty("redis.pool.env", "production")
                .systemProperty("redis.pool.maxTotal", String.valueOf(HELD))
                .systemProperty("redis.pool.maxWait", MAX_WAIT.toMillis() + "ms")
                .timeout(Duration.ofSeconds(40))
                .args(
                        redis.server().host(),
                        String.valueOf(redis.server().port()),
                        String.valueOf(HELD),
                        String.valueOf(TIMED_OUT),
                        release.toString());
    }

    /**
     * How long the scenario's borrows took, each timed by the app around its {@code getResource()} call:
     * what bounds the waits the agent records, so that a test can say where each one falls on any machine.
     * The agent times a borrow inside that call, so it never records a longer wait than the app saw (a
     * busy machine makes both longer, never the agent's alone); and a borrow that timed out waited at
     * least {@link #MAX_WAIT} (commons-pool2 polls for an idle connection that long), however fast the machine.
     */
    public record Borrows(List<Duration> held, List<Duration> timedOut) {

        private static final String HELD_LINE = "borrowed in ";
        private static final String TIMED_OUT_LINE = "timed out after ";

        /** The borrows the scenario printed; fails unless there are {@link #HELD} held and {@link #TIMED_OUT} timed out. */
        public static Borrows of(ChildJvm.Result result) {
            Borrows borrows = new Borrows(durations(result, HELD_LINE), durations(result, TIMED_OUT_LINE));
            assertThat(borrows.held()).as("%s", result).hasSize(HELD);
            assertThat(borrows.timedOut()).as("%s", result).hasSize(TIMED_OUT);
            return borrows;
        }

        /**
         * The fewest recorded waits a cumulative histogram bucket with upper bound {@code seconds} can count:
         * those of the borrows the app saw end within it.
         */
        public long surelyWithin(double seconds) {
            return Stream.concat(held.stream(), timedOut.stream())
                    .filter(took -> took.toNanos() <= nanos(seconds))
                    .count();
        }

        /**
         * The most it can count: every borrow that got a connection (any of them may have been quick), and the
         * timed-out ones only once the bound reaches {@link #MAX_WAIT}.
         */
        public long possiblyWithin(double seconds) {
            return held.size() + (MAX_WAIT.toNanos() <= nanos(seconds) ? timedOut.size() : 0);
        }

        /** The longest borrow the app saw: no wait the agent recorded is longer. */
        public Duration longest() {
            return Stream.concat(held.stream(), timedOut.stream())
                    .max(Duration::compareTo)
                    .orElseThrow();
        }

        /** A bucket bound as the agent compares waits with it: rounded to whole nanoseconds. */
        private static long nanos(double seconds) {
            return Math.round(seconds * 1e9);
        }

        private static List<Duration> durations(ChildJvm.Result result, String prefix) {
            return result.stdoutLines().stream()
                    .filter(line -> line.startsWith(prefix) && line.endsWith(" ns"))
                    .map(line -> Duration.ofNanos(Long.parseLong(line.substring(prefix.length(), line.length() - 3))))
                    .toList();
        }
    }
}
