package io.redispoolagent.retry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
 *         RetryDecision d = retry.decide(FailureClassifier.classify(failure),
 *                 retry.commands().classify(commandName, args), attempt, start);
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

    private final RetrySettings settings;
    private final CommandSafety commands;
    private final Backoff backoff;
    private final RetryBudget budget;
    private final RetryStats stats;
    private final NanoClock clock;
    private final long deadlineNanos;

    public RetryPolicy(
            RetrySettings settings,
            CommandSafety commands,
            Backoff backoff,
            RetryBudget budget,
            RetryStats stats,
            NanoClock clock) {
        this.settings = settings;
        this.commands = commands;
        this.backoff = backoff;
        this.budget = budget;
        this.stats = stats;
        this.clock = clock;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(settings.deadlineMillis());
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
     * Decides about a failed attempt, for a failure and a command the caller classified (the
     * classification is the instrumentation's: only it knows where the command's name and arguments
     * are); records the outcome in the counters.
     *
     * @param attempts   attempts made so far, the failed one included (1 after the first failure)
     * @param startNanos what {@link #begin()} returned
     */
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
