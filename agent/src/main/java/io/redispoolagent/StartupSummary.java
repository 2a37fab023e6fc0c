package io.redispoolagent;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigKey;
import io.redispoolagent.config.Mode;
import io.redispoolagent.config.PoolSetting;

/** The one line the agent logs at start-up: what it will do, and how to change that. */
final class StartupSummary {

    private StartupSummary() {}

    static String describe(AgentConfig config) {
        String head = "redis-pool-agent " + AgentVersion.get() + " installed";
        if (config.environment() == null && config.mode() == Mode.OBSERVE) {
            return head + " in observe mode: no environment named, so pool sizing is off and pools are only"
                    + " measured; set -D" + ConfigKey.ENV.key() + "=development|staging|production"
                    + " (or DEPLOYMENT_ENV) to size them";
        }
        String environment = config.environment() == null
                ? "no environment"
                : config.environment().displayName();
        return head + ": " + environment + ", mode " + config.mode().displayName() + " (" + poolSettings(config) + ")";
    }

    private static String poolSettings(AgentConfig config) {
        StringBuilder text = new StringBuilder();
        for (PoolSetting setting : PoolSetting.values()) {
            if (setting.key() != null) {
                if (text.length() > 0) {
                    text.append(", ");
                }
                text.append(setting.displayName())
                        .append(' ')
                        .append(setting.describe(config.sizing().get(setting)));
            }
        }
        return text.toString();
    }
}
