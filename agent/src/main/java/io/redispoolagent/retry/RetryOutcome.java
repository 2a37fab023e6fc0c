package io.redispoolagent.retry;

/** What happened to a failed command, as counted by {@link RetryStats}. */
public enum RetryOutcome {
    /** A retry was made (counted once per retry). */
    RETRIED("retried"),
    /** The command succeeded after one or more retries. */
    RECOVERED("recovered"),
    /** Retries were allowed but ran out: the attempts or the deadline. */
    GAVE_UP("gave_up"),
    /** The retry budget was spent: the original error went to the caller at once. */
    BUDGET_DENIED("budget_denied"),
    /** The failure may have come after the write, and the command is not safe to repeat. */
    NOT_SAFE("not_safe"),
    /** The failure is one no retry can cure: an error reply, pool exhaustion, a redirect. */
    NOT_RETRYABLE("not_retryable");

    private final String label;

    RetryOutcome(String label) {
        this.label = label;
    }

    /** The metric attribute value, such as {@code budget_denied}. */
    public String label() {
        return label;
    }
}
