package io.redispoolagent.retry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Retry after a pause, or give up for a reason. Give-up decisions are shared constants. */
public final class RetryDecision {

    private static final Map<GiveUpReason, RetryDecision> GIVE_UP = new EnumMap<>(GiveUpReason.class);

    static {
        for (GiveUpReason reason : GiveUpReason.values()) {
            GIVE_UP.put(reason, new RetryDecision(-1, reason));
        }
    }

    private final long delayNanos;
    private final GiveUpReason reason;

    private RetryDecision(long delayNanos, GiveUpReason reason) {
        this.delayNanos = delayNanos;
        this.reason = reason;
    }

    public static RetryDecision retryAfter(long delayNanos) {
        return new RetryDecision(Math.max(0, delayNanos), null);
    }

    public static RetryDecision giveUp(GiveUpReason reason) {
        return GIVE_UP.get(reason);
    }

    public boolean retry() {
        return reason == null;
    }

    /** The pause before the retry; -1 when giving up. */
    public long delayNanos() {
        return delayNanos;
    }

    /** The pause in whole milliseconds, rounded up (so a {@code Thread.sleep} never retries early). */
    public long delayMillis() {
        return delayNanos < 0
                ? -1
                : (delayNanos + TimeUnit.MILLISECONDS.toNanos(1) - 1) / TimeUnit.MILLISECONDS.toNanos(1);
    }

    /** Why not to retry; null when retrying. */
    public GiveUpReason reason() {
        return reason;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryDecision
                && ((RetryDecision) other).delayNanos == delayNanos
                && ((RetryDecision) other).reason == reason;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(delayNanos) * 31 + (reason == null ? 0 : reason.hashCode());
    }

    @Override
    public String toString() {
        return reason == null
                ? "retry after " + TimeUnit.NANOSECONDS.toMicros(delayNanos) / 1000.0 + " ms"
                : "give up: " + reason;
    }
}
