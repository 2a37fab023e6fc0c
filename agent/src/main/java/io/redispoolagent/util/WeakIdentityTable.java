package io.redispoolagent.util;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps objects, by identity and held weakly, to values: what the agent knows of a pool, a connection or
 * a command executor, looked up on the borrow and command paths. A key the application drops is not kept
 * alive here, and its entry goes at the next write (or {@link #expungeStale}).
 *
 * <p>Built for lookups: a key's stripe holds an immutable open-addressed array, probed with no lock and
 * no allocation. A write copies that one stripe's array under the stripe's lock: cheap for the rare
 * writes of pools and clients, and for the per-borrow writes of leak detection a copy of a stripe's
 * share of the borrowed connections.
 */
public final class WeakIdentityTable<V> {

    private static final int STRIPES = 8;
    private static final int MIN_CAPACITY = 4;

    private final Stripe<V>[] stripes = newStripes();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** The value for {@code key}, or null when it has none. */
    public V get(Object key) {
        int hash = hash(key);
        Entry<V>[] table = stripes[hash & (STRIPES - 1)].table;
        int mask = table.length - 1;
        for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
            Entry<V> entry = table[i];
            if (entry == null) {
                return null;
            }
            if (entry.get() == key) {
                return entry.value;
            }
        }
    }

    /** Sets the value for {@code key} unless it has one; returns the value it ends up with. */
    public V putIfAbsent(Object key, V value) {
        expungeStale();
        return stripe(key).put(new Entry<>(key, value, hash(key), collected), false);
    }

    /** Sets the value for {@code key}; returns the one it replaced, or null. */
    public V put(Object key, V value) {
        expungeStale();
        return stripe(key).put(new Entry<>(key, value, hash(key), collected), true);
    }

    /** Removes the value for {@code key}; returns it, or null when there was none. */
    public V remove(Object key) {
        expungeStale();
        return stripe(key).remove(key);
    }

    /** The values whose keys are alive, for the rare readers that walk them all (export, status). */
    public List<V> values() {
        List<V> values = new ArrayList<>();
        for (Stripe<V> stripe : stripes) {
            for (Entry<V> entry : stripe.table) {
                if (entry != null && entry.get() != null) {
                    values.add(entry.value);
                }
            }
        }
        return values;
    }

    /** The entries held, counting those whose keys were collected but are not expunged yet. */
    public int size() {
        int size = 0;
        for (Stripe<V> stripe : stripes) {
            for (Entry<V> entry : stripe.table) {
                size += entry == null ? 0 : 1;
            }
        }
        return size;
    }

    /** Drops the entries whose keys the garbage collector has cleared and queued. */
    public void expungeStale() {
        for (Reference<?> cleared = collected.poll(); cleared != null; cleared = collected.poll()) {
            @SuppressWarnings("unchecked")
            Entry<V> entry = (Entry<V>) cleared;
            stripes[entry.hash & (STRIPES - 1)].drop(entry);
        }
    }

    private Stripe<V> stripe(Object key) {
        return stripes[hash(key) & (STRIPES - 1)];
    }

    private static int hash(Object key) {
        int hash = System.identityHashCode(key);
        return hash ^ (hash >>> 16);
    }

    /** The stripe takes the low bits; the slot the next ones, so that one stripe's keys still spread. */
    private static int slot(int hash, int mask) {
        return (hash >>> 3) & mask;
    }

    @SuppressWarnings("unchecked")
    private static <V> Stripe<V>[] newStripes() {
        Stripe<V>[] stripes = (Stripe<V>[]) new Stripe<?>[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe<>();
        }
        return stripes;
    }

    private static final class Entry<V> extends WeakReference<Object> {
        final V value;
        final int hash;

        Entry(Object key, V value, int hash, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.value = value;
            this.hash = hash;
        }
    }

    /** A copy-on-write array of entries; readers see either the old or the new array, never a partial one. */
    private static final class Stripe<V> {
        volatile Entry<V>[] table = newTable(MIN_CAPACITY);

        synchronized V put(Entry<V> added, boolean replace) {
            Entry<V> existing = find(added.get());
            if (existing != null && !replace) {
                return existing.value;
            }
            rebuild(existing, added);
            return replace ? (existing == null ? null : existing.value) : added.value;
        }

        synchronized V remove(Object key) {
            Entry<V> existing = find(key);
            if (existing != null) {
                rebuild(existing, null);
            }
            return existing == null ? null : existing.value;
        }

        synchronized void drop(Entry<V> stale) {
            for (Entry<V> entry : table) {
                if (entry == stale) {
                    rebuild(stale, null);
                    return;
                }
            }
        }

        private Entry<V> find(Object key) {
            for (Entry<V> entry : table) {
                if (entry != null && entry.get() == key) {
                    return entry;
                }
            }
            return null;
        }

        /** Copies the entries whose keys are alive, minus {@code removed} and plus {@code added}. */
        private void rebuild(Entry<V> removed, Entry<V> added) {
            Entry<V>[] old = table;
            int live = added == null ? 0 : 1;
            for (Entry<V> entry : old) {
                live += entry != null && entry != removed && entry.get() != null ? 1 : 0;
            }
            int capacity = MIN_CAPACITY;
            while (capacity < live * 3) {
                capacity <<= 1;
            }
            Entry<V>[] fresh = newTable(capacity);
            for (Entry<V> entry : old) {
                if (entry != null && entry != removed && entry.get() != null) {
                    insert(fresh, entry);
                }
            }
            if (added != null) {
                insert(fresh, added);
            }
            table = fresh;
        }

        private static <V> void insert(Entry<V>[] into, Entry<V> entry) {
            int mask = into.length - 1;
            int i = slot(entry.hash, mask);
            while (into[i] != null) {
                i = (i + 1) & mask;
            }
            into[i] = entry;
        }

        @SuppressWarnings("unchecked")
        private static <V> Entry<V>[] newTable(int capacity) {
            return (Entry<V>[]) new Entry<?>[capacity];
        }
    }
}
