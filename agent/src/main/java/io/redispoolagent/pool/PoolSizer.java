package io.redispoolagent.pool;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.log.AgentLog;
import io.redispoolagent.retry.RetryPolicies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Applies the sizing policy to one live pool and says in one line what it did. */
final class PoolSizer {

    private final AgentConfig config;
    private final RetryPolicies retry;

    PoolSizer(AgentConfig config, RetryPolicies retry) {
        this.config = config;
        this.retry = retry;
    }

    /**
     * Sizes the pool and logs one line saying what changed ({@code how} tells when the agent saw it);
     * returns the pool's record, or null when this pool cannot be read or resized.
     */
    PoolRecord size(Object pool, PoolIdentity identity, String how) {
        CommonsPoolAccess access = CommonsPoolAccess.of(pool);
        if (!access.missingAccessors().isEmpty()) {
            AgentLog.warnOnce(
                    "access:" + pool.getClass().getName(),
                    "pool " + identity + " is left as it is:"
                            + " this commons-pool2 has no " + access.missingAccessors() + " (class "
                            + pool.getClass().getName() + ")",
                    null);
            return null;
        }
        PoolSnapshot before = access.read(pool);
        List<SettingChange> changes = SizingPolicy.plan(before, config.sizingFor(identity.name()), config.mode());
        applyAll(access, pool, changes);
        AgentLog.info("pool " + identity + how + ": " + SizingReport.describe(changes, before, config.mode()));
        return new PoolRecord(identity, before, changes, PoolKind.COMMONS_POOL2, retry);
    }

    /** All changes or none: a setter that fails part-way leaves the pool exactly as the application built it. */
    private static void applyAll(CommonsPoolAccess access, Object pool, List<SettingChange> changes) {
        List<SettingChange> applied = new ArrayList<>();
        try {
            for (SettingChange change : changes) {
                access.apply(pool, Collections.singletonList(change));
                applied.add(change);
            }
        } catch (RuntimeException failure) {
            for (int i = applied.size() - 1; i >= 0; i--) {
                SettingChange change = applied.get(i);
                access.apply(
                        pool,
                        Collections.singletonList(
                                new SettingChange(change.setting(), change.after(), change.before())));
            }
            throw failure;
        }
    }
}
