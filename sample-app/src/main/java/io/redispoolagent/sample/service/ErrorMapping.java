package io.redispoolagent.sample.service;

import java.util.NoSuchElementException;

/**
 * Maps a failure of a Redis call to the HTTP answer the service gives.
 *
 * <p>Pool exhaustion becomes 503: commons-pool2 throws {@link NoSuchElementException} ("Timeout waiting for idle
 * object", or "Pool exhausted" when the pool does not block); Jedis 5 wraps it in a {@code JedisException}, Jedis 3
 * in a {@code JedisExhaustedPoolException} (matched by name so no particular Jedis version is needed). Every other
 * failure (connection refused, broken connection, command timeout, error reply) is a 500.
 */
public final class ErrorMapping {
    public static final int POOL_EXHAUSTED_STATUS = 503;
    public static final int REDIS_ERROR_STATUS = 500;

    private static final int MAX_CAUSE_DEPTH = 16;

    private ErrorMapping() {}

    /** The status and short plain-text body for a failure. */
    public static HttpError map(Throwable failure) {
        if (isPoolExhausted(failure)) {
            return new HttpError(
                    POOL_EXHAUSTED_STATUS,
                    "pool exhausted: no Redis connection became free within the pool's maxWait\n");
        }
        Throwable root = rootCause(failure);
        String name = failure == null ? "unknown" : failure.getClass().getSimpleName();
        String rootName =
                root == failure || root == null ? "" : " (" + root.getClass().getSimpleName() + ")";
        return new HttpError(REDIS_ERROR_STATUS, "redis error: " + name + rootName + "\n");
    }

    /** True when the failure, or one of its causes, is a pool that had no connection to give in time. */
    public static boolean isPoolExhausted(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof NoSuchElementException) {
                return true;
            }
            if ("JedisExhaustedPoolException".equals(t.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        int depth = 0;
        while (t != null && t.getCause() != null && t.getCause() != t && depth++ < MAX_CAUSE_DEPTH) {
            t = t.getCause();
        }
        return t;
    }

    /** An HTTP status with a short plain-text body. */
    public static final class HttpError {
        private final int status;
        private final String body;

        public HttpError(int status, String body) {
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        @Override
        public String toString() {
            return status + " " + body.trim();
        }
    }
}
