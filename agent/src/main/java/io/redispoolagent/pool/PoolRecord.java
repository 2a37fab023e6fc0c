package io.redispoolagent.pool;

import java.util.Collections;
import java.util.List;

/** What the agent knows of one pool: who it is, how the application built it, what the agent changed. */
public final class PoolRecord {

    /** Marks a commons-pool2 pool that is not a Redis pool, so later borrows skip it at the cost of one lookup. */
    static final PoolRecord NOT_REDIS = new PoolRecord(null, null, Collections.<SettingChange>emptyList());

    private final PoolIdentity identity;
    private final PoolSnapshot original;
    private final List<SettingChange> changes;

    PoolRecord(PoolIdentity identity, PoolSnapshot original, List<SettingChange> changes) {
        this.identity = identity;
        this.original = original;
        this.changes = Collections.unmodifiableList(changes);
    }

    public PoolIdentity identity() {
        return identity;
    }

    /** The settings the application gave the pool, before the agent changed any. */
    public PoolSnapshot original() {
        return original;
    }

    public List<SettingChange> changes() {
        return changes;
    }

    boolean isRedis() {
        return identity != null;
    }
}
