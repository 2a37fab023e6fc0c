package io.redispoolagent.retry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of retry outcomes for one pool. Incrementing allocates nothing and takes no lock. */
public final class RetryStats {

    private static final RetryOutcome[] OUTCOMES = RetryOutcome.values();

    private final LongAdder[] counters = new LongAdder[OUTCOMES.length];
    private final Runnable firstRecorded;
    private volatile boolean recorded;

    public RetryStats() {
        this(null);
    }

    /** @param firstRecorded runs after the first outcome is counted (twice at most under a race), or null */
    public RetryStats(Runnable firstRecorded) {
        this.firstRecorded = firstRecorded;
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
    }

    public void record(RetryOutcome outcome) {
        counters[outcome.ordinal()].increment();
        if (firstRecorded != null && !recorded) {
            recorded = true;
            firstRecorded.run();
        }
    }

    public long count(RetryOutcome outcome) {
        return counters[outcome.ordinal()].sum();
    }

    /** Every outcome with its count, in declaration order, for exporters and the status view. */
    public Map<RetryOutcome, Long> snapshot() {
        Map<RetryOutcome, Long> snapshot = new EnumMap<>(RetryOutcome.class);
        for (RetryOutcome outcome : OUTCOMES) {
            snapshot.put(outcome, count(outcome));
        }
        return snapshot;
    }
}
