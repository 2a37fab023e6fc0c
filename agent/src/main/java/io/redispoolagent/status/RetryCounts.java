package io.redispoolagent.status;

import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.retry.RetryStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The retry counts of a pool, by outcome label ({@code retried}, {@code recovered}, {@code gave_up},
 * {@code budget_denied}, {@code not_safe}, {@code not_retryable}), as {@link RetryOutcome} names them
 * for the metrics too. All zero while retry is off (observe mode): the counters exist either way.
 */
final class RetryCounts {

    private RetryCounts() {}

    /** Count per outcome label, or null when the pool has no retry statistics. */
    static Map<String, Long> of(PoolRecord record) {
        RetryStats stats = record.retryStats();
        if (stats == null) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<RetryOutcome, Long> entry : stats.snapshot().entrySet()) {
            counts.put(entry.getKey().label(), entry.getValue());
        }
        return counts;
    }
}
