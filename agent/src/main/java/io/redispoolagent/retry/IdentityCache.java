package io.redispoolagent.retry;

import java.lang.ref.WeakReference;

/**
 * A small map from objects, by identity and held weakly, to values: for per-client state the
 * command hooks look up on every call. A lookup is a probe of an immutable open-addressed array: no
 * lock, no allocation. Adding copies the array (rare: once per client object), dropping the entries
 * whose keys were collected.
 */
public final class IdentityCache<V> {

    private static final class Entry<V> extends WeakReference<Object> {
        final V value;

        Entry(Object key, V value) {
            super(key);
            this.value = value;
        }
    }

    private volatile Entry<V>[] table = newTable(16);

    public V get(Object key) {
        Entry<V>[] current = table;
        int mask = current.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Entry<V> entry = current[i];
            if (entry == null) {
                return null;
            }
            if (entry.get() == key) {
                return entry.value;
            }
        }
    }

    /** Sets the value for {@code key} unless it has one; returns the value it ends up with. */
    public synchronized V putIfAbsent(Object key, V value) {
        V existing = get(key);
        if (existing != null) {
            return existing;
        }
        Entry<V>[] current = table;
        int live = 1;
        for (Entry<V> entry : current) {
            if (entry != null && entry.get() != null) {
                live++;
            }
        }
        int size = 16;
        while (size < live * 3) {
            size <<= 1;
        }
        Entry<V>[] next = newTable(size);
        for (Entry<V> entry : current) {
            Object k = entry == null ? null : entry.get();
            if (k != null) {
                insert(next, k, entry.value);
            }
        }
        insert(next, key, value);
        table = next;
        return value;
    }

    /** Live entries, for tests. */
    public int size() {
        int n = 0;
        for (Entry<V> entry : table) {
            if (entry != null && entry.get() != null) {
                n++;
            }
        }
        return n;
    }

    private static <V> void insert(Entry<V>[] into, Object key, V value) {
        int mask = into.length - 1;
        int i = slot(key, mask);
        while (into[i] != null) {
            i = (i + 1) & mask;
        }
        into[i] = new Entry<>(key, value);
    }

    private static int slot(Object key, int mask) {
        int h = System.identityHashCode(key);
        return (h ^ (h >>> 16)) & mask;
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int size) {
        return (Entry<V>[]) new Entry[size];
    }
}
