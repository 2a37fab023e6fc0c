package io.redispoolagent.pool;

import io.redispoolagent.config.Mode;
import io.redispoolagent.config.PoolSetting;
import java.util.List;

/** The text of the one line per pool that says what the agent changed: {@code maxTotal 8 -> 160, ...}. */
final class SizingReport {

    private SizingReport() {}

    static String describe(List<SettingChange> changes, PoolSnapshot before, Mode mode) {
        if (!changes.isEmpty()) {
            StringBuilder line = new StringBuilder();
            for (SettingChange change : changes) {
                if (line.length() > 0) {
                    line.append(", ");
                }
                line.append(change);
            }
            return line.toString();
        }
        String settings = shown(before, PoolSetting.MAX_TOTAL) + ", " + shown(before, PoolSetting.MAX_WAIT);
        return mode == Mode.OBSERVE
                ? "observed, left as it is (" + settings + ")"
                : "already as wanted, left as it is (" + settings + ")";
    }

    private static String shown(PoolSnapshot snapshot, PoolSetting setting) {
        return setting.displayName() + " " + setting.format(snapshot.get(setting));
    }
}
