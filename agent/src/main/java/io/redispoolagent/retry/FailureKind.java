package io.redispoolagent.retry;

/** What went wrong with one attempt of a command, as far as retrying is concerned. */
public enum FailureKind {
    /**
     * The command certainly never reached Redis: the connection could not be opened (refused,
     * unreachable, connect timeout), the pool could not hand out a working connection (creating or
     * validating one failed), or the client refused to write on a connection it knew was broken.
     * Any command but a {@link Safety#NEVER} one may be retried.
     */
    CONNECT_FAILURE(true, true),
    /**
     * The connection broke while the command was being written or its reply read (reset, broken
     * pipe, end of stream): Redis may have executed it. Only commands safe to repeat are retried.
     */
    CONNECTION_BROKEN(true, false),
    /** No reply within the client's timeout after the write: Redis may have executed it. */
    TIMEOUT(true, false),
    /** Redis answered with an error (WRONGTYPE, OOM, NOSCRIPT, LOADING, READONLY…): never retried. */
    SERVER_ERROR_REPLY(false, false),
    /** No connection free in the pool within maxWait: never retried (it would add load); counted. */
    POOL_EXHAUSTED(false, false),
    /** MOVED / ASK: the cluster client follows redirects itself. */
    CLUSTER_REDIRECT(false, false),
    /** Anything else (the application's own exceptions, interrupts, a closed client): not retried. */
    OTHER(false, false);

    private final boolean retryable;
    private final boolean beforeWrite;

    FailureKind(boolean retryable, boolean beforeWrite) {
        this.retryable = retryable;
        this.beforeWrite = beforeWrite;
    }

    /** True for the failures a retry can cure: connection problems and timeouts. */
    public boolean retryable() {
        return retryable;
    }

    /** True when the command certainly was not sent, so even a non-idempotent one may be retried. */
    public boolean beforeWrite() {
        return beforeWrite;
    }
}
