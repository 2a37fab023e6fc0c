package io.redispoolagent.retry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The pause before each retry: {@code initial × multiplier^(n-1)} for retry n, capped at {@code max}
 * (defaults 8 ms × 4ⁿ: 8, 32, 128 ms, then 512). With jitter the pause is drawn uniformly from
 * {@code [d/2, d]} ("equal jitter"), without it it is exactly {@code d}.
 *
 * <p>Why equal jitter rather than the "full jitter" {@code [0, d]} that the AWS Architecture Blog
 * ("Exponential Backoff And Jitter", 2015) and gRPC's retry design (A6) use: both spread retries of
 * many clients hitting one contended resource, where the total work matters and a zero pause costs
 * little. Our retries follow a broken connection or a restart: every pooled connection breaks in the
 * same instant, and a pause near 0 would send the first retry before the server (or the new connection)
 * had any chance to come back, wasting one of only three attempts. Keeping half the delay as a floor
 * keeps the schedule's shape (8/32/128 ms spans a ~170 ms blip) while the random half still
 * de-synchronises the herd; the AWS measurements show equal jitter close to full jitter and far better
 * than no jitter. Thread-safe; allocates nothing.
 */
public final class Backoff {

    private static final DoubleSupplier THREAD_LOCAL_RANDOM = new DoubleSupplier() {
        @Override
        public double getAsDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    };

    private final long initialNanos;
    private final long maxNanos;
    private final double multiplier;
    private final boolean jitter;
    private final DoubleSupplier random;

    public Backoff(long initialMillis, long maxMillis, double multiplier, boolean jitter) {
        this(initialMillis, maxMillis, multiplier, jitter, THREAD_LOCAL_RANDOM);
    }

    /** {@code random} returns values in [0, 1); tests pass a fixed one. */
    public Backoff(long initialMillis, long maxMillis, double multiplier, boolean jitter, DoubleSupplier random) {
        this.initialNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, initialMillis));
        this.maxNanos = Math.max(initialNanos, TimeUnit.MILLISECONDS.toNanos(maxMillis));
        this.multiplier = Math.max(1.0, multiplier);
        this.jitter = jitter;
        this.random = random;
    }

    public static Backoff of(RetrySettings settings) {
        return new Backoff(
                settings.initialBackoffMillis(), settings.maxBackoffMillis(), settings.multiplier(), settings.jitter());
    }

    /** The un-jittered pause before retry {@code retry} (1 for the first retry). */
    public long baseDelayNanos(int retry) {
        double delay = initialNanos;
        for (int i = 1; i < retry && delay < maxNanos; i++) {
            delay *= multiplier;
        }
        return (long) Math.min(delay, maxNanos);
    }

    /** The pause before retry {@code retry}: the base delay, or with jitter a value in [base/2, base]. */
    public long delayNanos(int retry) {
        long base = baseDelayNanos(retry);
        if (!jitter) {
            return base;
        }
        long low = base / 2;
        long span = base - low;
        return low + Math.min(span, (long) (random.getAsDouble() * (span + 1)));
    }

    public boolean jitter() {
        return jitter;
    }
}
