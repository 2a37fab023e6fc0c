package io.redispoolagent.export;

import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.pool.PoolRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The pools exported under one name and client (two {@code JedisPool}s built for one {@code host:port/db},
 * the pool a Sentinel failover builds in place of the old one, Spring's Lettuce pool per connection
 * type), and what those of them that are gone had counted.
 *
 * <p>A backend sees one series per name, so its counters must never go down: when a pool closes, or is
 * collected without being closed, its totals move into {@link #retired} and stay in every later sample.
 * Its gauges (connections in use, the maximum) leave with it.
 */
final class PoolSeries {

    private final PoolRecord first;
    private final long startEpochNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    private final List<PoolRecord> members = new ArrayList<>(1);
    private final PoolCounts retired = new PoolCounts();

    PoolSeries(PoolRecord first) {
        this.first = first;
    }

    /** The series key of a pool: its name and client. */
    static String keyOf(PoolRecord record) {
        return record.identity().name() + '\u0000' + record.identity().client().displayName();
    }

    void join(PoolRecord record) {
        if (!members.contains(record)) {
            members.add(record);
        }
    }

    /**
     * The series now, with the members that left the registry ({@code registered} no longer holds them)
     * or whose pool object is gone folded into the retired totals first; null when no member is live.
     */
    PoolSample sample(Set<PoolRecord> registered) {
        PoolSample sample = new PoolSample(first.identity(), startEpochNanos);
        sample.counts().add(retired);
        boolean live = false;
        for (Iterator<PoolRecord> it = members.iterator(); it.hasNext(); ) {
            PoolRecord member = it.next();
            PoolCounts counted = new PoolCounts();
            counted.add(member.stats(), member.retryStats());
            sample.counts().add(counted);
            PoolGauges gauges;
            try {
                gauges = registered.contains(member) ? member.gauges() : null;
            } catch (RuntimeException | LinkageError unreadable) {
                ExportLog.warn(
                        "read-" + member.identity().name(),
                        "cannot read the connection counts of pool "
                                + member.identity().name() + "; they are left out of this collection",
                        unreadable);
                live = true;
                continue;
            }
            if (gauges == null) {
                retired.add(counted);
                it.remove();
            } else {
                live = true;
                sample.add(member, gauges);
            }
        }
        return live ? sample : null;
    }
}
