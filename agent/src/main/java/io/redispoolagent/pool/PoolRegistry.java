package io.redispoolagent.pool;

import io.redispoolagent.util.WeakIdentityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Every pool the agent knows in this JVM, for the hooks (by pool object) and for exporters (all of them). */
public final class PoolRegistry {

    private final WeakIdentityTable<PoolRecord> pools = new WeakIdentityTable<>();
    private final List<Runnable> firstPoolListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean firstPoolSeen = new AtomicBoolean();

    /** The live Redis pools, in no particular order. */
    public List<PoolRecord> pools() {
        List<PoolRecord> redisPools = new ArrayList<>();
        for (PoolRecord record : pools.values()) {
            if (record.isRedis()) {
                redisPools.add(record);
            }
        }
        return redisPools;
    }

    /** The record of a Redis pool object the agent registered, or null (unknown, or not a Redis pool). Lock-free. */
    public PoolRecord redisPool(Object pool) {
        PoolRecord record = pool == null ? null : pools.get(pool);
        return record != null && record.isRedis() ? record : null;
    }

    /** The record for a pool object: a Redis pool's, {@link PoolRecord#NOT_REDIS}, or null if never seen. */
    PoolRecord lookup(Object pool) {
        return pools.get(pool);
    }

    /**
     * Runs {@code listener} once, on the thread that registers the first Redis pool: telemetry and the
     * status view start then, so a JVM that never builds a Redis pool never pays for them. Listeners
     * added after that first pool run at once.
     */
    public void onFirstPool(Runnable listener) {
        firstPoolListeners.add(listener);
        if (firstPoolSeen.get() && firstPoolListeners.remove(listener)) {
            listener.run();
        }
    }

    void remember(Object pool, PoolRecord record) {
        if (record.isRedis()) {
            record.bind(pool);
        }
        pools.putIfAbsent(pool, record);
        if (record.isRedis() && firstPoolSeen.compareAndSet(false, true)) {
            for (Runnable listener : firstPoolListeners) {
                if (firstPoolListeners.remove(listener)) {
                    listener.run();
                }
            }
        }
    }

    PoolRecord forget(Object pool) {
        return pools.remove(pool);
    }
}
