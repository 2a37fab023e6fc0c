package io.redispoolagent.pool;

import io.redispoolagent.util.WeakIdentityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Every pool the agent knows in this JVM, for the hooks (by pool object) and for exporters (all of them). */
public final class PoolRegistry {

    private static final WeakIdentityTable<PoolRecord> POOLS = new WeakIdentityTable<>();
    private static final List<Runnable> FIRST_POOL_LISTENERS = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean FIRST_POOL_SEEN = new AtomicBoolean();

    private PoolRegistry() {}

    /** The live Redis pools, in no particular order. */
    public static List<PoolRecord> pools() {
        List<PoolRecord> redisPools = new ArrayList<>();
        for (PoolRecord record : POOLS.values()) {
            if (record.isRedis()) {
                redisPools.add(record);
            }
        }
        return redisPools;
    }

    /** The record for a pool object: a Redis pool's, {@link PoolRecord#NOT_REDIS}, or null if never seen. */
    static PoolRecord lookup(Object pool) {
        return POOLS.get(pool);
    }

    /**
     * Runs {@code listener} once, on the thread that registers the first Redis pool: telemetry and the
     * status view start then, so a JVM that never builds a Redis pool never pays for them. Listeners
     * added after that first pool run at once.
     */
    public static void onFirstPool(Runnable listener) {
        FIRST_POOL_LISTENERS.add(listener);
        if (FIRST_POOL_SEEN.get() && FIRST_POOL_LISTENERS.remove(listener)) {
            listener.run();
        }
    }

    static void remember(Object pool, PoolRecord record) {
        if (record.isRedis()) {
            record.bind(pool);
        }
        POOLS.putIfAbsent(pool, record);
        if (record.isRedis() && FIRST_POOL_SEEN.compareAndSet(false, true)) {
            for (Runnable listener : FIRST_POOL_LISTENERS) {
                if (FIRST_POOL_LISTENERS.remove(listener)) {
                    listener.run();
                }
            }
        }
    }

    static PoolRecord forget(Object pool) {
        return POOLS.remove(pool);
    }
}
