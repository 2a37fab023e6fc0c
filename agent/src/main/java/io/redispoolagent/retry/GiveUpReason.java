package io.redispoolagent.retry;

/** Why a failed command is not retried. */
public enum GiveUpReason {
    /** Retry is off (observe mode, or {@code redis.pool.retry.enabled=false}). */
    DISABLED,
    /** The failure is not one a retry cures (error reply, pool exhausted, redirect, other). */
    NOT_RETRYABLE,
    /** The command may have run, and repeating it is not safe (or it is never retried). */
    NOT_SAFE,
    /** {@code maxAttempts} attempts have been made. */
    ATTEMPTS,
    /** The pause before the next attempt would end past the command's deadline. */
    DEADLINE,
    /** The pool's retry budget is spent. */
    BUDGET
}
