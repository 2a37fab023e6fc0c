package io.redispoolagent.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityTableTest {

    private final WeakIdentityTable<String> table = new WeakIdentityTable<>();

    @Test
    void findsEachKeyByIdentityNotByEquality() {
        String first = new String("pool");
        String second = new String("pool");
        table.putIfAbsent(first, "first");

        assertThat(table.get(first)).isEqualTo("first");
        assertThat(table.get(second)).isNull();
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        Object pool = new Object();

        assertThat(table.putIfAbsent(pool, "created")).isEqualTo("created");
        assertThat(table.putIfAbsent(pool, "adopted")).isEqualTo("created");
        assertThat(table.get(pool)).isEqualTo("created");
    }

    @Test
    void putReplacesTheValueAndReturnsTheOneItReplaced() {
        Object connection = new Object();

        assertThat(table.put(connection, "first borrow")).isNull();
        assertThat(table.put(connection, "second borrow")).isEqualTo("first borrow");
        assertThat(table.get(connection)).isEqualTo("second borrow");
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void aRemovedKeyIsGoneAndTheOthersStay() {
        List<Object> keys = keys(200);

        assertThat(table.remove(keys.get(42))).isEqualTo("value-42");

        assertThat(table.get(keys.get(42))).isNull();
        assertThat(table.remove(keys.get(42))).isNull();
        for (int i = 0; i < keys.size(); i++) {
            if (i != 42) {
                assertThat(table.get(keys.get(i))).isEqualTo("value-" + i);
            }
        }
        assertThat(table.values()).hasSize(199);
        assertThat(table.size()).isEqualTo(199);
    }

    @Test
    void aKeyTheApplicationDropsIsExpungedOnceCollectedAndTheOthersStay() {
        List<Object> kept = keys(20);
        WeakReference<Object> dropped = dropKeyAfterPut();

        for (int attempt = 0; attempt < 100 && table.size() > kept.size(); attempt++) {
            System.gc();
            table.expungeStale();
        }

        assertThat(dropped.get()).as("collected").isNull();
        assertThat(table.size()).isEqualTo(kept.size());
        assertThat(table.values()).hasSize(kept.size()).doesNotContain("dropped");
        assertThat(table.get(kept.get(7))).isEqualTo("value-7");
    }

    private WeakReference<Object> dropKeyAfterPut() {
        Object key = new Object();
        table.putIfAbsent(key, "dropped");
        return new WeakReference<>(key);
    }

    private List<Object> keys(int count) {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object key = new Object();
            keys.add(key);
            assertThat(table.putIfAbsent(key, "value-" + i)).isEqualTo("value-" + i);
        }
        return keys;
    }
}
