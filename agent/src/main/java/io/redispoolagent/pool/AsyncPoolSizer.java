package io.redispoolagent.pool;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.config.PoolSettings;
import io.redispoolagent.log.AgentLog;
import io.redispoolagent.retry.RetryPolicies;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    private final AgentConfig agentConfig;
    private final RetryPolicies retry;

    AsyncPoolSizer(AgentConfig agentConfig, RetryPolicies retry) {
        this.agentConfig = agentConfig;
        this.retry = retry;
    }

    /** The plan for a pool about to be built with {@code config}; its config is the one to build it with. */
    AsyncPoolPlan plan(Object config, PoolIdentity identity) {
        PoolSnapshot before = snapshot(
                LettuceClasses.size(LettuceClasses.CONFIG_MAX_TOTAL, config),
                LettuceClasses.size(LettuceClasses.CONFIG_MAX_IDLE, config),
                LettuceClasses.size(LettuceClasses.CONFIG_MIN_IDLE, config));
        PoolSettings all = agentConfig.sizingFor(identity.name());
        PoolSettings managed = PoolSettings.builder()
                .set(PoolSetting.MAX_TOTAL, all.get(PoolSetting.MAX_TOTAL))
                .set(PoolSetting.MAX_IDLE, all.get(PoolSetting.MAX_IDLE))
                .build();
        List<SettingChange> changes = SizingPolicy.plan(before, managed, agentConfig.mode());
        Object resized = changes.isEmpty() ? config : rebuild(config, before.with(changes));
        AgentLog.info("pool " + identity + ": " + SizingReport.describe(changes, before, agentConfig.mode()));
        return new AsyncPoolPlan(resized, new PoolRecord(identity, before, changes, PoolKind.LETTUCE_ASYNC, retry));
    }

    /** The pool's sizes; the rest as the pool behaves: it never waits, always fails at once, has no evictor. */
    private static PoolSnapshot snapshot(int maxTotal, int maxIdle, int minIdle) {
        Map<PoolSetting, Long> values = new EnumMap<>(PoolSetting.class);
        values.put(PoolSetting.MAX_TOTAL, (long) maxTotal);
        values.put(PoolSetting.MAX_IDLE, (long) maxIdle);
        values.put(PoolSetting.MIN_IDLE, (long) minIdle);
        values.put(PoolSetting.MAX_WAIT, -1L);
        values.put(PoolSetting.BLOCK_WHEN_EXHAUSTED, 1L);
        values.put(PoolSetting.TEST_WHILE_IDLE, 0L);
        values.put(PoolSetting.EVICTION_INTERVAL, -1L);
        return new PoolSnapshot(values);
    }

    private static Object rebuild(Object config, PoolSnapshot wanted) {
        return LettuceClasses.resized(
                config, (int) wanted.get(PoolSetting.MAX_TOTAL), (int) wanted.get(PoolSetting.MAX_IDLE), (int)
                        wanted.get(PoolSetting.MIN_IDLE));
    }
}
