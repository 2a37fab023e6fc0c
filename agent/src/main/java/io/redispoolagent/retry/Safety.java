package io.redispoolagent.retry;

/**
 * How safe it is to send a command again after a failure. Ordered from safest to least safe, so
 * that {@link #worse(Safety)} can combine classifications conservatively.
 */
public enum Safety {
    /** Reads nothing but state: repeating it changes nothing. Retried after any retryable failure. */
    READ,
    /**
     * Writes, but a second execution leaves the same state and a reply that means the same thing
     * (a count of changed elements, as DEL, SADD or HSET return, may be lower on the repeat). Retried
     * after any retryable failure, including a broken connection or a timeout after the write.
     */
    IDEMPOTENT_WRITE,
    /**
     * A second execution would apply the effect twice or change the reply the caller acts on (INCR,
     * LPUSH, SET NX, EVAL…). Retried only when the failure certainly came before the command was sent.
     * Unknown commands are treated this way.
     */
    NON_IDEMPOTENT,
    /**
     * Never retried, not even before the write: the command belongs to its connection (MULTI, WATCH,
     * SELECT, SUBSCRIBE, CLIENT REPLY), blocks (BLPOP, XREAD BLOCK, WAIT) or administers the server
     * (SHUTDOWN, FLUSHALL, CONFIG SET), where the failure is for the caller to see.
     */
    NEVER;

    /** True when the command may be sent again although its bytes may already have reached Redis. */
    public boolean safeToRepeat() {
        return this == READ || this == IDEMPOTENT_WRITE;
    }

    /** The less safe of the two. */
    public Safety worse(Safety other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
