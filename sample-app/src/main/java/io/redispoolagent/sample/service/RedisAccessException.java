package io.redispoolagent.sample.service;

/** A checked failure from a pool (e.g. commons-pool2's borrowObject) carried as unchecked; the cause is kept. */
public final class RedisAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RedisAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
