package io.redispoolagent.pool;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * The hot path: borrows, returns and connection creations, recorded into the pool's stats. Each call
 * is a lock-free lookup and a few counter increments, and allocates nothing in the steady state.
 */
public final class PoolEvents {

    private static final String TIMEOUT_MESSAGE = "Timeout waiting for idle object";
    private static final String EXHAUSTED_MESSAGE = "Pool exhausted";

    private final PoolRegistry registry;
    private final PoolLifecycle lifecycle;
    private final Holders holders;
    private final ExhaustionForensics forensics;
    /** Null unless {@code redis.pool.leakThreshold} is set: then the only cost on the hot path is this read. */
    private final LeakDetector leaks;

    public PoolEvents(PoolRegistry registry, PoolLifecycle lifecycle, Holders holders, LeakDetector leaks) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.holders = holders;
        this.forensics = new ExhaustionForensics(holders);
        this.leaks = leaks;
    }

    /** True when leak detection is on: only then does a release need to be seen. Fixed at start-up. */
    public boolean detectsLeaks() {
        return leaks != null;
    }

    /**
     * A borrow is starting; returns the pool's record, to hand back to {@link #borrowEnded} with the
     * start time, so that a borrow looks its pool up once.
     */
    public PoolRecord borrowStarted(Object pool) {
        return lifecycle.borrowing(pool);
    }

    public void borrowEnded(PoolRecord record, long startNanos, Object connection, Throwable failure) {
        if (record == null || !record.isRedis()) {
            return;
        }
        long waited = System.nanoTime() - startNanos;
        if (failure == null) {
            record.stats().borrowed(waited);
            holders.borrowed(connection, startNanos + waited);
            if (leaks != null) {
                leaks.borrowed(record, connection);
            }
        } else if (isExhaustion(failure)) {
            record.stats().timedOut(waited);
            forensics.timedOut(record, waited);
        } else if (failure instanceof NoSuchElementException) {
            // commons-pool2 reports a connection that fails to be made, activated or validated this way too.
            record.stats().validationFailed();
        }
    }

    /** A connection goes back to its pool, or is invalidated: it is no longer held. */
    public void released(Object connection) {
        if (leaks != null) {
            leaks.returned(connection);
        }
    }

    /** commons-pool2 2.4-2.10 measures how long a connection was used in milliseconds. */
    public void returnedAfterMillis(Object pool, long usedMillis) {
        returned(pool, usedMillis * 1_000_000L);
    }

    /** commons-pool2 2.11+ measures how long a connection was used as a Duration. */
    public void returnedAfter(Object pool, Duration used) {
        returned(pool, used.toNanos());
    }

    private void returned(Object pool, long usedNanos) {
        PoolRecord record = registry.lookup(pool);
        if (record != null && record.isRedis()) {
            record.stats().returned(usedNanos);
        }
    }

    /** A connection creation attempt ended; {@code created} is null when the pool was already full. */
    public void creationEnded(Object pool, long startNanos, Object created) {
        PoolRecord record = created == null ? null : registry.lookup(pool);
        if (record != null && record.isRedis()) {
            record.stats().created(System.nanoTime() - startNanos);
        }
    }

    /**
     * Lettuce's async acquire returned. Already complete in the steady state (an idle connection, or
     * exhaustion, which never waits): recorded at once. Still pending only while a new connection is
     * being made: recorded when it completes, at the cost of one callback.
     */
    public void asyncAcquired(Object pool, long startNanos, CompletableFuture<?> acquired) {
        PoolRecord record = registry.lookup(pool);
        if (record == null || !record.isRedis() || acquired == null) {
            return;
        }
        if (acquired.isDone()) {
            recordAsync(record, startNanos, acquired.isCompletedExceptionally() ? failureOf(acquired) : null);
        } else {
            acquired.whenComplete((connection, failure) -> recordAsync(record, startNanos, failure));
        }
    }

    private static void recordAsync(PoolRecord record, long startNanos, Throwable failure) {
        long waited = System.nanoTime() - startNanos;
        Throwable cause = failure != null && failure.getCause() != null && !(failure instanceof NoSuchElementException)
                ? failure.getCause()
                : failure;
        if (cause == null) {
            record.stats().borrowed(waited);
        } else if (isExhaustion(cause)) {
            record.stats().timedOut(waited);
        }
    }

    private static Throwable failureOf(CompletableFuture<?> failed) {
        try {
            failed.getNow(null);
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    /** Exhaustion, in the words of every commons-pool2 version (a suffix with the wait follows from 2.11) and Lettuce. */
    static boolean isExhaustion(Throwable failure) {
        if (!(failure instanceof NoSuchElementException) || failure.getMessage() == null) {
            return false;
        }
        String message = failure.getMessage();
        return message.startsWith(TIMEOUT_MESSAGE) || message.startsWith(EXHAUSTED_MESSAGE);
    }
}
