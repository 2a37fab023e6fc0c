package io.redispoolagent.pool;

import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.metrics.PoolStats;
import io.redispoolagent.retry.RetryPolicies;
import io.redispoolagent.retry.RetryPolicy;
import io.redispoolagent.retry.RetryStats;
import io.redispoolagent.util.OncePerInterval;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.List;

/** What the agent knows of one pool: who it is, how the application built it, what the agent changed. */
public final class PoolRecord {

    /** Marks a commons-pool2 pool that is not a Redis pool, so later borrows skip it at the cost of one lookup. */
    static final PoolRecord NOT_REDIS =
            new PoolRecord(null, null, Collections.<SettingChange>emptyList(), PoolKind.COMMONS_POOL2, null);

    private final PoolIdentity identity;
    private final PoolSnapshot original;
    private final List<SettingChange> changes;
    private final PoolKind kind;
    private final RetryPolicies retry;
    private final PoolStats stats = new PoolStats();
    private final RetryStats retryStats = new RetryStats();
    private final OncePerInterval exhaustionReports =
            new OncePerInterval(ExhaustionForensics.REPORT_INTERVAL_NANOS, System.nanoTime());
    private volatile RetryPolicy retryPolicy;
    private volatile WeakReference<Object> pool = new WeakReference<>(null);

    PoolRecord(
            PoolIdentity identity,
            PoolSnapshot original,
            List<SettingChange> changes,
            PoolKind kind,
            RetryPolicies retry) {
        this.identity = identity;
        this.original = original;
        this.changes = Collections.unmodifiableList(changes);
        this.kind = kind;
        this.retry = retry;
    }

    /** Ties the record to its live pool, whose counts {@link #gauges()} reads. */
    void bind(Object livePool) {
        pool = new WeakReference<>(livePool);
    }

    public PoolStats stats() {
        return stats;
    }

    /** Lets one exhaustion report through per interval, and counts the timeouts it holds back. */
    OncePerInterval exhaustionReports() {
        return exhaustionReports;
    }

    /** This pool's retry counters, by outcome (for the exporter and the status view). */
    public RetryStats retryStats() {
        return retryStats;
    }

    /** This pool's retry policy (the agent's retry settings, the pool's own budget), built at first use. */
    public RetryPolicy retryPolicy() {
        RetryPolicy policy = retryPolicy;
        if (policy == null) {
            synchronized (this) {
                policy = retryPolicy;
                if (policy == null) {
                    policy = retry.forPool(retryStats);
                    retryPolicy = policy;
                }
            }
        }
        return policy;
    }

    /** The pool's live counts now, or null once the pool is gone. */
    public PoolGauges gauges() {
        Object livePool = pool.get();
        if (livePool == null) {
            return null;
        }
        return kind.gauges(livePool);
    }

    /** The connections borrowed from the live pool now; empty once it is gone. */
    List<Object> borrowedObjects() {
        Object livePool = pool.get();
        return livePool == null ? Collections.emptyList() : kind.borrowedObjects(livePool);
    }

    /** The class loader of the live pool's class (where the application's libraries are visible), or null once it is gone. */
    public ClassLoader poolClassLoader() {
        Object livePool = pool.get();
        return livePool == null ? null : livePool.getClass().getClassLoader();
    }

    public PoolIdentity identity() {
        return identity;
    }

    /** The settings the application gave the pool, before the agent changed any. */
    public PoolSnapshot original() {
        return original;
    }

    public List<SettingChange> changes() {
        return changes;
    }

    boolean isRedis() {
        return identity != null;
    }
}
