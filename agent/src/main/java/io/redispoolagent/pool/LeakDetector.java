package io.redispoolagent.pool;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.util.WeakIdentityTable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Suspects a leak when a connection stays borrowed longer than a threshold, and logs the borrower's
 * stack once per leak, as HikariCP's leak detection does: the stack is captured at borrow time, which
 * costs an allocation per borrow, so this runs only when {@code redis.pool.leakThreshold} is set.
 */
public final class LeakDetector {

    private static final String AGENT_PACKAGE = "io.redispoolagent.";

    private final long thresholdMillis;
    private final ScheduledThreadPoolExecutor timer;
    /** Weak keys: a connection the application drops without returning it is not kept alive here. */
    private final WeakIdentityTable<Borrow> outstanding = new WeakIdentityTable<>();

    public LeakDetector(long thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "redis-pool-agent-leak-detector");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    void borrowed(PoolRecord record, Object connection) {
        Borrow borrow = new Borrow(record, Thread.currentThread().getName());
        outstanding.put(connection, borrow);
        borrow.timeout = timer.schedule(borrow, thresholdMillis, TimeUnit.MILLISECONDS);
    }

    void returned(Object connection) {
        Borrow borrow = outstanding.remove(connection);
        if (borrow == null) {
            return;
        }
        borrow.timeout.cancel(false);
        if (borrow.reported) {
            AgentLog.info("pool " + borrow.record.identity().name() + ": the connection reported as a suspected leak"
                    + " was returned after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - borrow.startNanos)
                    + " ms");
        }
    }

    /** Connections borrowed and not yet returned, for tests. */
    int outstanding() {
        return outstanding.size();
    }

    private final class Borrow implements Runnable {
        final PoolRecord record;
        final String thread;
        final long startNanos = System.nanoTime();
        final Throwable borrowedAt = new Throwable("borrowed here");
        volatile ScheduledFuture<?> timeout;
        volatile boolean reported;

        Borrow(PoolRecord record, String thread) {
            this.record = record;
            this.thread = thread;
        }

        @Override
        public void run() {
            reported = true;
            StringBuilder stack = new StringBuilder();
            for (StackTraceElement frame : borrowedAt.getStackTrace()) {
                // The agent's own frames say nothing about who leaked the connection.
                if (stack.length() > 0 || !frame.getClassName().startsWith(AGENT_PACKAGE)) {
                    stack.append("\n\tat ").append(frame);
                }
            }
            AgentLog.warn("pool " + record.identity().name() + ": a connection borrowed by thread " + thread
                    + " has been held for more than " + thresholdMillis + " ms; a possible leak, borrowed at:" + stack);
            // Counted once the report is out, so that whoever sees the count can also read the report.
            record.stats().leakSuspected();
        }
    }
}
