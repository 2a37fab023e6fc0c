package io.redispoolagent.pool;

import io.redispoolagent.config.Mode;
import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.config.PoolSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides which settings of a pool to change, given its current settings, the target and the mode:
 * each managed setting moves to its target, or in floor mode as far as {@link PoolSetting#planned}
 * allows (larger or safer, never smaller or shorter than the application chose).
 */
public final class SizingPolicy {

    private SizingPolicy() {}

    public static List<SettingChange> plan(PoolSnapshot current, PoolSettings target, Mode mode) {
        if (mode == Mode.OBSERVE) {
            return Collections.emptyList();
        }
        boolean floor = mode == Mode.FLOOR;
        List<SettingChange> changes = new ArrayList<>();
        for (PoolSetting setting : PoolSetting.values()) {
            Long wanted = setting == PoolSetting.BLOCK_WHEN_EXHAUSTED ? blocking(target, floor) : target.get(setting);
            if (wanted != null) {
                add(changes, setting, current.get(setting), setting.planned(current.get(setting), wanted, floor));
            }
        }
        return changes;
    }

    /** A bounded wait means nothing to a pool that fails at once when exhausted: enforcing one makes it block. */
    private static Long blocking(PoolSettings target, boolean floor) {
        return !floor && target.get(PoolSetting.MAX_WAIT) != null ? 1L : null;
    }

    private static void add(List<SettingChange> changes, PoolSetting setting, long before, long after) {
        if (before != after) {
            changes.add(new SettingChange(setting, before, after));
        }
    }
}
