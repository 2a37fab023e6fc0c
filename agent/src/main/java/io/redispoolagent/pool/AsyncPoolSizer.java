package io.redispoolagent.pool;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.PoolSettings;
import io.redispoolagent.log.AgentLog;

import java.util.List;

/**
 * Sizes Lettuce's {@code BoundedAsyncPool} by handing its constructor a new {@code BoundedPoolConfig}:
 * the pool copies the config into final fields and has no setters, and the config itself is immutable.
 *
 * <p>Only maxTotal and maxIdle are managed. The pool never waits (acquire fails at once when
 * exhausted) and has no evictor, so maxWait and the health check do not apply; minIdle is left as the
 * application set it, because Lettuce 6 and 7 block pool creation until minIdle connections are open
 * and fail it when one cannot be made: a raised minIdle would turn "Redis is down" into "the app does
 * not start".
 */
final class AsyncPoolSizer {

    private AsyncPoolSizer() {
    }

    /** The plan for a pool about to be built with {@code config}; its config is the one to build it with. */
    static AsyncPoolPlan plan(Object config, PoolIdentity identity, AgentConfig agentConfig) {
        PoolSnapshot before = new PoolSnapshot(LettuceClasses.size(LettuceClasses.CONFIG_MAX_TOTAL, config),
                LettuceClasses.size(LettuceClasses.CONFIG_MAX_IDLE, config),
                LettuceClasses.size(LettuceClasses.CONFIG_MIN_IDLE, config), -1, true, false, -1);
        PoolSettings all = agentConfig.sizingFor(identity.name());
        PoolSettings managed = PoolSettings.builder().maxTotal(all.maxTotal()).maxIdle(all.maxIdle()).build();
        List<SettingChange> changes = SizingPolicy.plan(before, managed, agentConfig.mode());
        Object resized = changes.isEmpty() ? config : rebuild(config, managed(before, changes));
        AgentLog.info("pool " + identity + ": " + SizingReport.describe(changes, before, agentConfig.mode()));
        return new AsyncPoolPlan(resized, new PoolRecord(identity, before, changes, PoolKind.LETTUCE_ASYNC));
    }

    private static PoolSnapshot managed(PoolSnapshot before, List<SettingChange> changes) {
        int maxTotal = before.maxTotal();
        int maxIdle = before.maxIdle();
        for (SettingChange change : changes) {
            if (change.setting() == PoolSetting.MAX_TOTAL) {
                maxTotal = (int) change.after();
            } else if (change.setting() == PoolSetting.MAX_IDLE) {
                maxIdle = (int) change.after();
            }
        }
        return new PoolSnapshot(maxTotal, maxIdle, before.minIdle(), -1, true, false, -1);
    }

    private static Object rebuild(Object config, PoolSnapshot wanted) {
        return LettuceClasses.resized(config, wanted.maxTotal(), wanted.maxIdle(), wanted.minIdle());
    }
}
