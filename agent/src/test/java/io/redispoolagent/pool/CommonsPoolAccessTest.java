package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.config.Environment;
import io.redispoolagent.config.Mode;
import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.config.PoolSettings;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.SoftReferenceObjectPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommonsPoolAccessTest {

    private final GenericObjectPool<String> pool = new GenericObjectPool<>(new StringObjects());

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void readsTheSettingsOfALivePool() {
        PoolSnapshot snapshot = CommonsPoolAccess.of(pool).read(pool);

        assertThat(snapshot.get(PoolSetting.MAX_TOTAL)).isEqualTo(8);
        assertThat(snapshot.get(PoolSetting.MAX_IDLE)).isEqualTo(8);
        assertThat(snapshot.get(PoolSetting.MIN_IDLE)).isZero();
        assertThat(snapshot.get(PoolSetting.MAX_WAIT)).isEqualTo(-1);
        assertThat(snapshot.get(PoolSetting.BLOCK_WHEN_EXHAUSTED)).isEqualTo(1);
        assertThat(snapshot.get(PoolSetting.TEST_WHILE_IDLE)).isZero();
        assertThat(snapshot.get(PoolSetting.EVICTION_INTERVAL)).isEqualTo(-1);
    }

    @Test
    void appliedChangesAreWhatThePoolItselfReportsAfterwards() {
        PoolSnapshot before = CommonsPoolAccess.of(pool).read(pool);
        PoolSettings production = Environment.PRODUCTION.profile();

        CommonsPoolAccess.of(pool).apply(pool, SizingPolicy.plan(before, production, Mode.ENFORCE));

        assertThat(pool.getMaxTotal()).isEqualTo(160);
        assertThat(pool.getMaxIdle()).isEqualTo(160);
        assertThat(pool.getMinIdle()).isEqualTo(16);
        assertThat(pool.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(pool.getTestWhileIdle()).isTrue();
        assertThat(pool.getDurationBetweenEvictionRuns()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPoolWithoutTheSettersIsReportedAsNotResizable() {
        SoftReferenceObjectPool<String> soft = new SoftReferenceObjectPool<>(new StringObjects());

        assertThat(CommonsPoolAccess.of(soft).missingAccessors()).contains("getMaxTotal", "setMaxTotal(int)");
    }
}
