package io.redispoolagent.pool;

import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The objects inside a commons-pool2 pool: what each {@code PooledObject} wraps, and which are borrowed now. */
public final class PooledObjects {

    static final ClientType POOLED_OBJECT =
            ClientType.of("commons-pool2", "org.apache.commons.pool2.PooledObject", Versions.ALL);
    private static final ClientMember OBJECT = POOLED_OBJECT.method("getObject", Object.class);
    private static final ClientMember STATE = POOLED_OBJECT.method("getState", Object.class);
    /** Every object of the pool, idle or not, by identity: the only way to the borrowed ones. */
    private static final ClientMember ALL_OBJECTS = CommonsPoolAccess.POOL.field("allObjects", Object.class);

    private PooledObjects() {}

    /** The object a {@code PooledObject} wraps, or null. */
    public static Object objectOf(Object pooledObject) {
        return OBJECT.read(pooledObject);
    }

    /** The objects borrowed from the pool now (empty when its objects cannot be read); not for a hot path. */
    static List<Object> borrowedObjects(Object pool) {
        List<Object> borrowed = new ArrayList<>();
        Object all = ALL_OBJECTS.read(pool);
        if (all instanceof Map) {
            for (Object pooled : ((Map<?, ?>) all).values()) {
                Object state = STATE.read(pooled);
                Object object = OBJECT.read(pooled);
                if (state != null && "ALLOCATED".equals(state.toString()) && object != null) {
                    borrowed.add(object);
                }
            }
        }
        return borrowed;
    }
}
