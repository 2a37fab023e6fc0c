package io.redispoolagent.pool;

import io.redispoolagent.config.PoolSetting;

/** One setting the agent changes on a pool: {@code maxTotal 8 -> 160}. Booleans are 0/1. */
public final class SettingChange {

    private final PoolSetting setting;
    private final long before;
    private final long after;

    SettingChange(PoolSetting setting, long before, long after) {
        this.setting = setting;
        this.before = before;
        this.after = after;
    }

    public PoolSetting setting() {
        return setting;
    }

    public long before() {
        return before;
    }

    public long after() {
        return after;
    }

    @Override
    public String toString() {
        return setting.displayName() + " " + setting.format(before) + " -> " + setting.format(after);
    }
}
