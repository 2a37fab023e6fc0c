package io.redispoolagent.retry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

/**
 * The retry logic for one pool: the settings, the command table, the pool's budget and counters. What
 * the instrumentation calls, around each command:
 *
 * <pre>{@code
 * RetryPolicy retry = ...;                      // one per pool, from the pool registry
 * if (!retry.enabled()) -> run the command as it is
 * long start = retry.begin();                   // success path: one LongAdder add + one nanoTime
 * for (int attempt = 1; ; attempt++) {
 *     try {
 *         result = runCommand();
 *         if (attempt > 1) retry.onSuccess(attempt);
 *         return result;
 *     } catch (Throwable failure) {
 *         RetryDecision d = retry.onFailure(failure, commandName, args, attempt, start);
 *         if (!d.retry() || !RetryPolicy.pause(d)) throw failure;   // the original error, unchanged
 *         // discard the broken connection, take a fresh one (or reconnect), then loop
 *     }
 * }
 * }</pre>
 *
 * The order of the checks: retry disabled; the failure is not retryable (error reply, pool exhausted,
 * redirect, other); the command is NEVER retried, or the failure may have come after the write and the
 * command is not safe to repeat; attempts used up; the pause would end past the deadline; the budget is
 * spent. The budget is asked last, so that only retries that really happen take a token. Thread-safe.
 */
public final class RetryPolicy {

    private static final DoubleSupplier THREAD_LOCAL_RANDOM = new DoubleSupplier() {
        @Override
        public double getAsDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    };

    private final RetrySettings settings;
    private final CommandSafety commands;
    private final Backoff backoff;
    private final RetryBudget budget;
    private final RetryStats stats;
    private final NanoClock clock;
    private final long deadlineNanos;

    public RetryPolicy(RetrySettings settings, CommandSafety commands, Backoff backoff, RetryBudget budget,
                       RetryStats stats, NanoClock clock) {
        this.settings = settings;
        this.commands = commands;
        this.backoff = backoff;
        this.budget = budget;
        this.stats = stats;
        this.clock = clock;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(settings.deadlineMillis());
    }

    /** A policy with a budget and counters of its own, on the system clock. */
    public static RetryPolicy create(RetrySettings settings) {
        return create(settings, settings.commandSafety(), NanoClock.SYSTEM, THREAD_LOCAL_RANDOM);
    }

    /**
     * A policy for one pool sharing an already built command table (build it once with {@link
     * RetrySettings#commandSafety()}); {@code random} returns values in [0, 1) for the jitter.
     */
    public static RetryPolicy create(RetrySettings settings, CommandSafety commands, NanoClock clock,
                                     DoubleSupplier random) {
        Backoff backoff = new Backoff(settings.initialBackoffMillis(), settings.maxBackoffMillis(),
                settings.multiplier(), settings.jitter(), random);
        return new RetryPolicy(settings, commands, backoff, RetryBudget.of(settings, clock), new RetryStats(), clock);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Call once when a command starts (its first attempt, not its retries): counts the request for the
     * budget and returns the start time for the deadline. Allocates nothing, takes no lock.
     */
    public long begin() {
        budget.onRequest();
        return clock.nanoTime();
    }

    /** Call when a command succeeded after retries ({@code attempts} > 1): counted as recovered. */
    public void onSuccess(int attempts) {
        if (attempts > 1) {
            stats.record(RetryOutcome.RECOVERED);
        }
    }

    /**
     * Decides about a failed attempt of a command named {@code command} with arguments {@code args}
     * (without the name; null when unknown, then the name's least safe classification counts).
     *
     * @param attempts   attempts made so far, the failed one included (1 after the first failure)
     * @param startNanos what {@link #begin()} returned
     */
    public RetryDecision onFailure(Throwable failure, String command, byte[][] args, int attempts, long startNanos) {
        FailureKind kind = FailureClassifier.classify(failure);
        return decide(kind, kind.retryable() ? commands.classify(command, args) : Safety.NEVER, attempts, startNanos);
    }

    /** As {@link #onFailure(Throwable, String, byte[][], int, long)}, for a name in bytes (Jedis). */
    public RetryDecision onFailure(Throwable failure, byte[] command, byte[][] args, int attempts, long startNanos) {
        FailureKind kind = FailureClassifier.classify(failure);
        return decide(kind, kind.retryable() ? commands.classify(command, args) : Safety.NEVER, attempts, startNanos);
    }

    /** As above, with arguments read through an accessor; {@code firstArgument} as in {@link CommandSafety}. */
    public <A> RetryDecision onFailure(Throwable failure, String command, A args, ArgumentAccessor<A> accessor,
                                       int firstArgument, int attempts, long startNanos) {
        FailureKind kind = FailureClassifier.classify(failure);
        Safety safety = kind.retryable() ? commands.classify(command, args, accessor, firstArgument) : Safety.NEVER;
        return decide(kind, safety, attempts, startNanos);
    }

    /** With the command already classified. */
    public RetryDecision onFailure(Throwable failure, Safety safety, int attempts, long startNanos) {
        return decide(FailureClassifier.classify(failure), safety, attempts, startNanos);
    }

    /** The decision itself, for a failure the caller classified; records the outcome in the counters. */
    public RetryDecision decide(FailureKind failure, Safety safety, int attempts, long startNanos) {
        if (!settings.enabled()) {
            return RetryDecision.giveUp(GiveUpReason.DISABLED);
        }
        if (!failure.retryable()) {
            return giveUp(GiveUpReason.NOT_RETRYABLE, RetryOutcome.NOT_RETRYABLE);
        }
        if (safety == Safety.NEVER || (!failure.beforeWrite() && !safety.safeToRepeat())) {
            return giveUp(GiveUpReason.NOT_SAFE, RetryOutcome.NOT_SAFE);
        }
        if (attempts >= settings.maxAttempts()) {
            return giveUp(GiveUpReason.ATTEMPTS, RetryOutcome.GAVE_UP);
        }
        long delay = backoff.delayNanos(attempts);
        long elapsed = clock.nanoTime() - startNanos;
        if (elapsed + delay > deadlineNanos) {
            return giveUp(GiveUpReason.DEADLINE, RetryOutcome.GAVE_UP);
        }
        if (!budget.tryWithdraw()) {
            return giveUp(GiveUpReason.BUDGET, RetryOutcome.BUDGET_DENIED);
        }
        stats.record(RetryOutcome.RETRIED);
        return RetryDecision.retryAfter(delay);
    }

    private RetryDecision giveUp(GiveUpReason reason, RetryOutcome outcome) {
        stats.record(outcome);
        return RetryDecision.giveUp(reason);
    }

    /**
     * Sleeps for a retry's pause. Returns false, with the thread's interrupt flag set again, when the
     * thread was interrupted: the caller should then throw the original failure instead of retrying.
     */
    public static boolean pause(RetryDecision decision) {
        long remaining = decision.delayNanos();
        long end = System.nanoTime() + remaining;
        while (remaining > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
            remaining = end - System.nanoTime();
        }
        return !Thread.currentThread().isInterrupted();
    }

    public RetrySettings settings() {
        return settings;
    }

    public CommandSafety commands() {
        return commands;
    }

    public RetryBudget budget() {
        return budget;
    }

    public RetryStats stats() {
        return stats;
    }
}
