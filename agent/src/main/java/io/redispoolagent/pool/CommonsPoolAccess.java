package io.redispoolagent.pool;

import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Handle;
import io.redispoolagent.reflect.Versions;
import io.redispoolagent.util.PerClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the settings of a live commons-pool2 {@code GenericObjectPool}, and the few other
 * commons-pool2 members the agent uses.
 *
 * <p>Reflection, because the agent's classes cannot link against the application's commons-pool2
 * (another class loader, any version from 2.4 to 2.13). Where a setting has both a {@code Duration}
 * and a {@code long} millis accessor, the {@code Duration} one is used: the millis ones are deprecated
 * since 2.10 and are the ones a future release drops. Looked up once per pool class.
 */
public final class CommonsPoolAccess {

    static final ClientType POOL =
            ClientType.of("commons-pool2", "org.apache.commons.pool2.impl.GenericObjectPool", Versions.ALL);
    /** The {@code Duration} accessors: in the matrix from 2.11.1 on, not in 2.8.1. */
    static final ClientType DURATION_POOL = POOL.since("2.11");

    static final ClientType POOL_2_12 = POOL.since("2.12");

    private static final ClientMember NUM_ACTIVE = POOL.method("getNumActive", int.class);
    private static final ClientMember NUM_IDLE = POOL.method("getNumIdle", int.class);
    private static final ClientMember NUM_WAITERS = POOL.method("getNumWaiters", int.class);
    private static final ClientMember FACTORY = POOL.method("getFactory", Object.class);
    private static final ClientMember CLOSED = POOL.method("isClosed", boolean.class);

    /** Each setting's accessors, the preferred first; the last names what is reported missing. */
    private static final Declared[] SETTINGS = {
        Declared.property(PoolSetting.MAX_TOTAL, Unit.INT, "MaxTotal"),
        Declared.property(PoolSetting.MAX_IDLE, Unit.INT, "MaxIdle"),
        Declared.property(PoolSetting.MIN_IDLE, Unit.INT, "MinIdle"),
        Declared.property(PoolSetting.BLOCK_WHEN_EXHAUSTED, Unit.BOOLEAN, "BlockWhenExhausted"),
        Declared.property(PoolSetting.TEST_WHILE_IDLE, Unit.BOOLEAN, "TestWhileIdle"),
        new Declared(
                PoolSetting.MAX_WAIT,
                new Way[] {
                    Unit.DURATION.getter(DURATION_POOL, "getMaxWaitDuration"),
                    Unit.MILLIS.getter(POOL, "getMaxWaitMillis")
                },
                new Way[] {
                    Unit.DURATION.setter(DURATION_POOL, "setMaxWait"), Unit.MILLIS.setter(POOL, "setMaxWaitMillis")
                }),
        new Declared(
                PoolSetting.EVICTION_INTERVAL,
                new Way[] {
                    Unit.DURATION.getter(DURATION_POOL, "getDurationBetweenEvictionRuns"),
                    Unit.DURATION.getter(DURATION_POOL, "getTimeBetweenEvictionRuns"),
                    Unit.MILLIS.getter(POOL, "getTimeBetweenEvictionRunsMillis")
                },
                new Way[] {
                    Unit.DURATION.setter(POOL_2_12, "setDurationBetweenEvictionRuns"),
                    Unit.DURATION.setter(DURATION_POOL, "setTimeBetweenEvictionRuns"),
                    Unit.MILLIS.setter(POOL, "setTimeBetweenEvictionRunsMillis")
                }),
    };

    private static final PerClass<CommonsPoolAccess> BY_CLASS = PerClass.of(CommonsPoolAccess::new);

    private final Map<PoolSetting, Accessor> accessors = new EnumMap<>(PoolSetting.class);
    private final List<String> missing = new ArrayList<>();

    private CommonsPoolAccess(Class<?> type) {
        for (Declared declared : SETTINGS) {
            Way getter = Way.first(declared.getters, type);
            Way setter = Way.first(declared.setters, type);
            if (getter == null) {
                missing.add(declared.getters[declared.getters.length - 1].member.name());
            }
            if (setter == null) {
                Way last = declared.setters[declared.setters.length - 1];
                missing.add(last.member.name() + "(" + last.unit.written.getSimpleName() + ")");
            }
            if (getter != null && setter != null) {
                accessors.put(declared.setting, new Accessor(getter, setter));
            }
        }
    }

    public static CommonsPoolAccess of(Object pool) {
        return BY_CLASS.get(pool.getClass());
    }

    /** The pool's factory, or null when the pool has none the agent can read. */
    static Object factoryOf(Object pool) {
        return FACTORY.read(pool);
    }

    static boolean isClosed(Object pool) {
        return CLOSED.readBoolean(pool, false);
    }

    /** The accessors this pool class lacks, empty when the agent can read and resize it. */
    public List<String> missingAccessors() {
        return missing;
    }

    public PoolSnapshot read(Object pool) {
        Map<PoolSetting, Long> values = new EnumMap<>(PoolSetting.class);
        for (PoolSetting setting : PoolSetting.values()) {
            values.put(setting, get(pool, setting));
        }
        return new PoolSnapshot(values);
    }

    public void apply(Object pool, List<SettingChange> changes) {
        for (SettingChange change : changes) {
            accessor(change.setting()).set(pool, change.after());
        }
    }

    /** The pool's live counts, read through its public getters (collection time only, never a hot path). */
    public PoolGauges gauges(Object pool) {
        return new PoolGauges(
                NUM_ACTIVE.readInt(pool, 0),
                NUM_IDLE.readInt(pool, 0),
                (int) get(pool, PoolSetting.MAX_TOTAL),
                (int) get(pool, PoolSetting.MAX_IDLE),
                (int) get(pool, PoolSetting.MIN_IDLE),
                NUM_WAITERS.readInt(pool, 0));
    }

    private long get(Object pool, PoolSetting setting) {
        return accessor(setting).get(pool);
    }

    private Accessor accessor(PoolSetting setting) {
        Accessor accessor = accessors.get(setting);
        if (accessor == null) {
            throw new IllegalStateException("no accessor for " + setting.displayName() + ": missing " + missing);
        }
        return accessor;
    }

    /** How a setting's value crosses: as long, booleans as 0/1, durations as millis. */
    private enum Unit {
        INT(int.class, int.class),
        BOOLEAN(boolean.class, boolean.class),
        MILLIS(long.class, long.class),
        DURATION(Object.class, Duration.class);

        private final Class<?> read;
        private final Class<?> written;

        Unit(Class<?> read, Class<?> written) {
            this.read = read;
            this.written = written;
        }

        Way getter(ClientType type, String name) {
            return new Way(type.method(name, read), this);
        }

        Way setter(ClientType type, String name) {
            return new Way(type.method(name, void.class, written), this);
        }

        long read(Handle getter, Object pool) {
            switch (this) {
                case INT:
                    return getter.invokeForInt(pool);
                case BOOLEAN:
                    return getter.invokeForBoolean(pool) ? 1 : 0;
                case MILLIS:
                    return getter.invokeForLong(pool);
                default:
                    return ((Duration) getter.invoke(pool)).toMillis();
            }
        }

        void write(Handle setter, Object pool, long value) {
            switch (this) {
                case INT:
                    setter.invokeWith(pool, (int) value);
                    break;
                case BOOLEAN:
                    setter.invokeWith(pool, value != 0);
                    break;
                case MILLIS:
                    setter.invokeWith(pool, value);
                    break;
                default:
                    setter.invoke(pool, Duration.ofMillis(value));
            }
        }
    }

    /** One member through which a setting can be read or written. */
    private static final class Way {
        final ClientMember member;
        final Unit unit;

        Way(ClientMember member, Unit unit) {
            this.member = member;
            this.unit = unit;
        }

        /** The first of {@code ways} that {@code type} has, or null. */
        static Way first(Way[] ways, Class<?> type) {
            for (Way way : ways) {
                if (way.member.on(type) != null) {
                    return way;
                }
            }
            return null;
        }

        long read(Object pool) {
            try {
                return unit.read(member.require(pool.getClass()), pool);
            } catch (RuntimeException failed) {
                throw new IllegalStateException(member + " failed", failed);
            }
        }

        void write(Object pool, long value) {
            try {
                unit.write(member.require(pool.getClass()), pool, value);
            } catch (RuntimeException failed) {
                throw new IllegalStateException(member + " failed", failed);
            }
        }
    }

    /** A setting and its ways of being read and written, the preferred first. */
    private static final class Declared {
        final PoolSetting setting;
        final Way[] getters;
        final Way[] setters;

        Declared(PoolSetting setting, Way[] getters, Way[] setters) {
            this.setting = setting;
            this.getters = getters;
            this.setters = setters;
        }

        static Declared property(PoolSetting setting, Unit unit, String property) {
            return new Declared(setting, new Way[] {unit.getter(POOL, "get" + property)}, new Way[] {
                unit.setter(POOL, "set" + property)
            });
        }
    }

    /** One setting of one pool class: the ways it has to read and write it. */
    private static final class Accessor {
        private final Way getter;
        private final Way setter;

        Accessor(Way getter, Way setter) {
            this.getter = getter;
            this.setter = setter;
        }

        long get(Object pool) {
            return getter.read(pool);
        }

        void set(Object pool, long value) {
            setter.write(pool, value);
        }
    }
}
