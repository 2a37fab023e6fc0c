package io.redispoolagent.pool;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PoolTableTest {

    private final PoolTable<String> table = new PoolTable<>();

    @Test
    void findsEachPoolByIdentityNotByEquality() {
        String first = new String("pool");
        String second = new String("pool");
        table.putIfAbsent(first, "first");

        assertThat(table.get(first)).isEqualTo("first");
        assertThat(table.get(second)).isNull();
    }

    @Test
    void keepsTheFirstValueForAPool() {
        Object pool = new Object();

        assertThat(table.putIfAbsent(pool, "created")).isEqualTo("created");
        assertThat(table.putIfAbsent(pool, "adopted")).isEqualTo("created");
        assertThat(table.get(pool)).isEqualTo("created");
    }

    @Test
    void aRemovedPoolIsGoneAndTheOthersStay() {
        List<Object> pools = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Object pool = new Object();
            pools.add(pool);
            table.putIfAbsent(pool, "pool-" + i);
        }

        assertThat(table.remove(pools.get(42))).isEqualTo("pool-42");

        assertThat(table.get(pools.get(42))).isNull();
        for (int i = 0; i < 200; i++) {
            if (i != 42) {
                assertThat(table.get(pools.get(i))).isEqualTo("pool-" + i);
            }
        }
        assertThat(table.values()).hasSize(199);
    }
}
