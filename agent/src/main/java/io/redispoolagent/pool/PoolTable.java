package io.redispoolagent.pool;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps pool objects, by identity, to what the agent knows of them.
 *
 * <p>Built for the borrow path: a lookup is a probe of an immutable open-addressed array, with no
 * lock and no allocation. Changes (a pool created, closed or adopted: rare) copy the array. Pools
 * are held weakly, so a pool the application drops without closing is not kept alive by the agent.
 */
final class PoolTable<V> {

    private static final class Entry<V> extends WeakReference<Object> {
        final V value;

        Entry(Object pool, V value) {
            super(pool);
            this.value = value;
        }
    }

    private volatile Entry<V>[] table = newTable(16);

    /** The value for this pool, or null when it has none. */
    V get(Object pool) {
        Entry<V>[] current = table;
        int mask = current.length - 1;
        for (int i = slot(pool, mask); ; i = (i + 1) & mask) {
            Entry<V> entry = current[i];
            if (entry == null) {
                return null;
            }
            if (entry.get() == pool) {
                return entry.value;
            }
        }
    }

    /** Sets the value for a pool unless it already has one; returns the value the pool ends up with. */
    synchronized V putIfAbsent(Object pool, V value) {
        V existing = get(pool);
        if (existing != null) {
            return existing;
        }
        rebuild(pool, value, null);
        return value;
    }

    synchronized V remove(Object pool) {
        V existing = get(pool);
        if (existing != null) {
            rebuild(null, null, pool);
        }
        return existing;
    }

    /** Copies the live entries, minus {@code removed} and plus {@code added}, into a fresh array. */
    private void rebuild(Object added, V addedValue, Object removed) {
        Entry<V>[] old = table;
        int live = added == null ? 0 : 1;
        for (Entry<V> entry : old) {
            if (entry != null && entry.get() != null) {
                live++;
            }
        }
        int capacity = 16;
        while (capacity < live * 3) {
            capacity <<= 1;
        }
        Entry<V>[] fresh = newTable(capacity);
        for (Entry<V> entry : old) {
            Object pool = entry == null ? null : entry.get();
            if (pool != null && pool != removed) {
                insert(fresh, entry);
            }
        }
        if (added != null) {
            insert(fresh, new Entry<>(added, addedValue));
        }
        table = fresh;
    }

    /** Live entries, for the rare readers that walk every pool (metrics export, status). */
    synchronized List<V> values() {
        List<V> values = new ArrayList<>();
        for (Entry<V> entry : table) {
            if (entry != null && entry.get() != null) {
                values.add(entry.value);
            }
        }
        return values;
    }

    private static <V> void insert(Entry<V>[] into, Entry<V> entry) {
        int mask = into.length - 1;
        int i = slot(entry.get(), mask);
        while (into[i] != null) {
            i = (i + 1) & mask;
        }
        into[i] = entry;
    }

    private static int slot(Object pool, int mask) {
        int hash = System.identityHashCode(pool);
        return (hash ^ (hash >>> 16)) & mask;
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int capacity) {
        return (Entry<V>[]) new Entry<?>[capacity];
    }
}
