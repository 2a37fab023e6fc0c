package io.redispoolagent.pool;

import io.redispoolagent.log.AgentLog;
import java.util.concurrent.TimeUnit;

/**
 * When a borrow times out, says who holds the pool's connections and what they are doing: one warning
 * per pool per minute, the timeouts in between counted into the next one. Runs on the thread whose
 * borrow timed out, which has just waited the pool's whole maxWait: the stacks add little to that.
 */
final class ExhaustionForensics {

    static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Holders holders;

    ExhaustionForensics(Holders holders) {
        this.holders = holders;
    }

    void timedOut(PoolRecord record, long waitedNanos) {
        long unreported = record.exhaustionReports().pass(System.nanoTime());
        if (unreported < 0) {
            return;
        }
        try {
            AgentLog.warn(ExhaustionReport.describe(
                    record.identity().name(),
                    TimeUnit.NANOSECONDS.toMillis(waitedNanos),
                    record.gauges(),
                    record.stats().waitTime(),
                    holders.of(record),
                    unreported));
        } catch (RuntimeException | LinkageError failure) {
            AgentLog.warnOnce("exhaustion-report", "cannot describe an exhausted pool's holders", failure);
        }
    }
}
