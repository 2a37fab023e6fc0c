package io.redispoolagent.pool;

import io.redispoolagent.config.Mode;
import io.redispoolagent.config.PoolSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides which settings of a pool to change, given its current settings, the target and the mode.
 *
 * <p>Floor mode only ever makes a pool larger or safer, never smaller or shorter than the
 * application chose: sizes are raised to the target, a wait is lengthened to the target but never
 * shortened (an unbounded wait stays unbounded), the idle health check is switched on, and the
 * evictor is started only where none runs (a running one keeps its interval).
 */
public final class SizingPolicy {

    private SizingPolicy() {
    }

    public static List<SettingChange> plan(PoolSnapshot current, PoolSettings target, Mode mode) {
        if (mode == Mode.OBSERVE) {
            return Collections.emptyList();
        }
        boolean floor = mode == Mode.FLOOR;
        List<SettingChange> changes = new ArrayList<>();
        size(changes, PoolSetting.MAX_TOTAL, current.maxTotal, target.maxTotal(), floor);
        size(changes, PoolSetting.MAX_IDLE, current.maxIdle, target.maxIdle(), floor);
        size(changes, PoolSetting.MIN_IDLE, current.minIdle, target.minIdle(), floor);
        if (target.maxWaitMillis() != null) {
            long wanted = target.maxWaitMillis();
            boolean change = floor ? current.maxWaitMillis >= 0 && current.maxWaitMillis < wanted
                                   : current.maxWaitMillis != wanted;
            add(changes, PoolSetting.MAX_WAIT, current.maxWaitMillis, change ? wanted : current.maxWaitMillis);
            // A bounded wait means nothing to a pool that fails at once when exhausted.
            if (!floor && !current.blockWhenExhausted) {
                add(changes, PoolSetting.BLOCK_WHEN_EXHAUSTED, 0, 1);
            }
        }
        if (target.testWhileIdle() != null) {
            boolean wanted = floor ? current.testWhileIdle || target.testWhileIdle() : target.testWhileIdle();
            add(changes, PoolSetting.TEST_WHILE_IDLE, flag(current.testWhileIdle), flag(wanted));
        }
        if (target.evictionIntervalMillis() != null) {
            boolean evictorRuns = current.evictionIntervalMillis > 0;
            long wanted = floor && evictorRuns ? current.evictionIntervalMillis : target.evictionIntervalMillis();
            add(changes, PoolSetting.EVICTION_INTERVAL, current.evictionIntervalMillis, wanted);
        }
        return changes;
    }

    private static void size(List<SettingChange> changes, PoolSetting setting, int current, Integer target, boolean floor) {
        if (target == null) {
            return;
        }
        boolean unlimited = current < 0 && setting != PoolSetting.MIN_IDLE;
        boolean change = floor ? !unlimited && current < target : current != target;
        add(changes, setting, current, change ? target : current);
    }

    private static void add(List<SettingChange> changes, PoolSetting setting, long before, long after) {
        if (before != after) {
            changes.add(new SettingChange(setting, before, after));
        }
    }

    private static long flag(boolean value) {
        return value ? 1 : 0;
    }
}
