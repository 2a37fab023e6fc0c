package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.config.Environment;
import io.redispoolagent.config.Mode;
import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.config.PoolSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SizingPolicyTest {

    /** What commons-pool2 gives a pool nobody configured. */
    private static final PoolSnapshot COMMONS_POOL_DEFAULTS = snapshot(8, 8, 0, -1, true, false, -1);

    private static final PoolSettings PRODUCTION = Environment.PRODUCTION.profile();

    /** A pool's settings, in {@link PoolSetting} order. */
    private static PoolSnapshot snapshot(
            long maxTotal,
            long maxIdle,
            long minIdle,
            long maxWaitMillis,
            boolean blockWhenExhausted,
            boolean testWhileIdle,
            long evictionIntervalMillis) {
        Map<PoolSetting, Long> values = new EnumMap<>(PoolSetting.class);
        values.put(PoolSetting.MAX_TOTAL, maxTotal);
        values.put(PoolSetting.MAX_IDLE, maxIdle);
        values.put(PoolSetting.MIN_IDLE, minIdle);
        values.put(PoolSetting.MAX_WAIT, maxWaitMillis);
        values.put(PoolSetting.BLOCK_WHEN_EXHAUSTED, blockWhenExhausted ? 1L : 0L);
        values.put(PoolSetting.TEST_WHILE_IDLE, testWhileIdle ? 1L : 0L);
        values.put(PoolSetting.EVICTION_INTERVAL, evictionIntervalMillis);
        return new PoolSnapshot(values);
    }

    private static List<String> plan(PoolSnapshot current, PoolSettings target, Mode mode) {
        return SizingPolicy.plan(current, target, mode).stream()
                .map(SettingChange::toString)
                .collect(Collectors.toList());
    }

    @Test
    void enforceAppliesTheWholeProfileToADefaultPool() {
        assertThat(plan(COMMONS_POOL_DEFAULTS, PRODUCTION, Mode.ENFORCE))
                .containsExactly(
                        "maxTotal 8 -> 160",
                        "maxIdle 8 -> 160",
                        "minIdle 0 -> 16",
                        "maxWait forever -> 1s",
                        "testWhileIdle false -> true",
                        "evictionInterval off -> 30s");
    }

    @Test
    void enforceShrinksAPoolLargerThanTheProfile() {
        PoolSnapshot large = snapshot(300, 300, 16, 1_000, true, true, 30_000);

        assertThat(plan(large, PRODUCTION, Mode.ENFORCE)).containsExactly("maxTotal 300 -> 160", "maxIdle 300 -> 160");
    }

    @Test
    void enforceMakesAPoolThatFailsAtOnceWaitTheBoundedTime() {
        PoolSnapshot failFast = snapshot(160, 160, 16, 1_000, false, true, 30_000);

        assertThat(plan(failFast, PRODUCTION, Mode.ENFORCE)).containsExactly("blockWhenExhausted false -> true");
    }

    @Test
    void floorNeverLowersAPoolTheApplicationSizedAbove() {
        PoolSnapshot large = snapshot(300, 300, 20, 1_000, true, true, 30_000);

        assertThat(plan(large, PRODUCTION, Mode.FLOOR)).isEmpty();
    }

    @Test
    void floorRaisesADefaultPoolToTheProfileButLeavesItsUnboundedWait() {
        assertThat(plan(COMMONS_POOL_DEFAULTS, PRODUCTION, Mode.FLOOR))
                .containsExactly(
                        "maxTotal 8 -> 160",
                        "maxIdle 8 -> 160",
                        "minIdle 0 -> 16",
                        "testWhileIdle false -> true",
                        "evictionInterval off -> 30s");
    }

    @Test
    void floorLengthensAWaitShorterThanTheProfileButNeverShortensOne() {
        PoolSnapshot shortWait = snapshot(160, 160, 16, 200, true, true, 30_000);
        PoolSnapshot longWait = snapshot(160, 160, 16, 5_000, true, true, 30_000);

        assertThat(plan(shortWait, PRODUCTION, Mode.FLOOR)).containsExactly("maxWait 200ms -> 1s");
        assertThat(plan(longWait, PRODUCTION, Mode.FLOOR)).isEmpty();
    }

    @Test
    void floorKeepsTheIntervalOfAnEvictorThatAlreadyRuns() {
        PoolSnapshot slowEvictor = snapshot(160, 160, 16, 1_000, true, true, 300_000);

        assertThat(plan(slowEvictor, PRODUCTION, Mode.FLOOR)).isEmpty();
    }

    @Test
    void floorLeavesAnUnlimitedPoolUnlimited() {
        PoolSnapshot unlimited = snapshot(-1, -1, 16, 1_000, true, true, 30_000);

        assertThat(plan(unlimited, PRODUCTION, Mode.FLOOR)).isEmpty();
    }

    @Test
    void observeChangesNothing() {
        assertThat(plan(COMMONS_POOL_DEFAULTS, PRODUCTION, Mode.OBSERVE)).isEmpty();
    }

    @Test
    void settingsThatAreNotManagedAreLeftAlone() {
        PoolSettings onlyMaxTotal =
                PoolSettings.builder().set(PoolSetting.MAX_TOTAL, 50).build();

        assertThat(plan(COMMONS_POOL_DEFAULTS, onlyMaxTotal, Mode.ENFORCE)).containsExactly("maxTotal 8 -> 50");
    }
}
