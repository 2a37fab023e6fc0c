package io.redispoolagent.pool;

import io.redispoolagent.config.PoolSetting;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A pool's value of every {@link PoolSetting}, as the pool holds it (in {@link PoolSetting} terms). Immutable. */
public final class PoolSnapshot {

    private final EnumMap<PoolSetting, Long> values;

    /** @param values a value for every setting */
    public PoolSnapshot(Map<PoolSetting, Long> values) {
        this.values = new EnumMap<>(values);
        for (PoolSetting setting : PoolSetting.values()) {
            if (!this.values.containsKey(setting)) {
                throw new IllegalArgumentException("no value for " + setting.displayName());
            }
        }
    }

    public long get(PoolSetting setting) {
        return values.get(setting);
    }

    /** The settings once {@code changes} are applied. */
    PoolSnapshot with(List<SettingChange> changes) {
        EnumMap<PoolSetting, Long> changed = new EnumMap<>(values);
        for (SettingChange change : changes) {
            changed.put(change.setting(), change.after());
        }
        return new PoolSnapshot(changed);
    }
}
