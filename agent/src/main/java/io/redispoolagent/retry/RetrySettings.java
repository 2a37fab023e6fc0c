package io.redispoolagent.retry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The retry configuration ({@code redis.pool.retry.*}), resolved by the configuration layer. Immutable.
 * {@link #DEFAULTS} holds the built-in values, with retry enabled (the configuration turns it off in
 * observe mode).
 */
public final class RetrySettings {

    public static final boolean DEFAULT_ENABLED = true;
    /** One attempt and three retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 8;
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 512;
    public static final double DEFAULT_MULTIPLIER = 4;
    public static final boolean DEFAULT_JITTER = true;
    /**
     * 1 s: the backoff schedule needs 168 ms (8 + 32 + 128), leaving ~830 ms for the attempts, enough
     * to ride out a killed connection or a quick restart. It equals the production profile's maxWait,
     * so a retrying caller holds its thread no longer than one waiting for a pooled connection may;
     * and it is below Jedis' 2 s socket timeout, so a command that already timed out once is not sent
     * again (a timeout usually means an overloaded server, where a retry only adds load). Longer
     * outages (a Sentinel failover takes seconds) are better surfaced than hidden behind a stalled caller.
     */
    public static final long DEFAULT_DEADLINE_MILLIS = 1_000;
    /** Retries may add at most 10 % to the request rate, as Finagle's default budget (gRPC's throttling is similar). */
    public static final double DEFAULT_BUDGET_RATIO = 0.1;
    /** Finagle's default too: a quiet pool can still retry ten commands a second. */
    public static final int DEFAULT_BUDGET_MIN_PER_SECOND = 10;

    public static final RetrySettings DEFAULTS = builder().build();

    private final boolean enabled;
    private final int maxAttempts;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final double multiplier;
    private final boolean jitter;
    private final long deadlineMillis;
    private final double budgetRatio;
    private final int budgetMinPerSecond;
    private final List<String> idempotent;
    private final List<String> never;

    private RetrySettings(Builder builder) {
        this.enabled = builder.enabled;
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoffMillis = builder.initialBackoffMillis;
        this.maxBackoffMillis = builder.maxBackoffMillis;
        this.multiplier = builder.multiplier;
        this.jitter = builder.jitter;
        this.deadlineMillis = builder.deadlineMillis;
        this.budgetRatio = builder.budgetRatio;
        this.budgetMinPerSecond = builder.budgetMinPerSecond;
        this.idempotent = Collections.unmodifiableList(new ArrayList<>(builder.idempotent));
        this.never = Collections.unmodifiableList(new ArrayList<>(builder.never));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change a few. */
    public Builder toBuilder() {
        return builder()
                .enabled(enabled)
                .maxAttempts(maxAttempts)
                .initialBackoffMillis(initialBackoffMillis)
                .maxBackoffMillis(maxBackoffMillis)
                .multiplier(multiplier)
                .jitter(jitter)
                .deadlineMillis(deadlineMillis)
                .budgetRatio(budgetRatio)
                .budgetMinPerSecond(budgetMinPerSecond)
                .idempotent(idempotent)
                .never(never);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Attempts in all, the first included: 4 means up to 3 retries. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public long initialBackoffMillis() {
        return initialBackoffMillis;
    }

    public long maxBackoffMillis() {
        return maxBackoffMillis;
    }

    public double multiplier() {
        return multiplier;
    }

    public boolean jitter() {
        return jitter;
    }

    /** The longest a command may take, retries included, before no further retry starts. */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    public double budgetRatio() {
        return budgetRatio;
    }

    public int budgetMinPerSecond() {
        return budgetMinPerSecond;
    }

    /** Commands the user declared safe to repeat (upper case; {@code CLIENT|KILL} for a subcommand). */
    public List<String> idempotent() {
        return idempotent;
    }

    /** Commands the user declared never to retry. */
    public List<String> never() {
        return never;
    }

    /** The built-in command table with the user's lists applied. */
    public CommandSafety commandSafety() {
        return CommandSafety.builtIn().withUserLists(idempotent, never);
    }

    @Override
    public String toString() {
        return "retry " + (enabled ? "on" : "off") + " (maxAttempts " + maxAttempts + ", backoff "
                + initialBackoffMillis + "ms x" + multiplier + " up to " + maxBackoffMillis + "ms"
                + (jitter ? " with jitter" : "") + ", deadline " + deadlineMillis + "ms, budget " + budgetRatio
                + " + " + budgetMinPerSecond + "/s)";
    }

    public static final class Builder {
        private boolean enabled = DEFAULT_ENABLED;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private long initialBackoffMillis = DEFAULT_INITIAL_BACKOFF_MILLIS;
        private long maxBackoffMillis = DEFAULT_MAX_BACKOFF_MILLIS;
        private double multiplier = DEFAULT_MULTIPLIER;
        private boolean jitter = DEFAULT_JITTER;
        private long deadlineMillis = DEFAULT_DEADLINE_MILLIS;
        private double budgetRatio = DEFAULT_BUDGET_RATIO;
        private int budgetMinPerSecond = DEFAULT_BUDGET_MIN_PER_SECOND;
        private List<String> idempotent = Collections.emptyList();
        private List<String> never = Collections.emptyList();

        private Builder() {}

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        public Builder initialBackoffMillis(long value) {
            initialBackoffMillis = value;
            return this;
        }

        public Builder maxBackoffMillis(long value) {
            maxBackoffMillis = value;
            return this;
        }

        public Builder multiplier(double value) {
            multiplier = value;
            return this;
        }

        public Builder jitter(boolean value) {
            jitter = value;
            return this;
        }

        public Builder deadlineMillis(long value) {
            deadlineMillis = value;
            return this;
        }

        public Builder budgetRatio(double value) {
            budgetRatio = value;
            return this;
        }

        public Builder budgetMinPerSecond(int value) {
            budgetMinPerSecond = value;
            return this;
        }

        public Builder idempotent(List<String> value) {
            idempotent = value;
            return this;
        }

        public Builder never(List<String> value) {
            never = value;
            return this;
        }

        public RetrySettings build() {
            return new RetrySettings(this);
        }
    }
}
