package io.redispoolagent.pool;

import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.reflect.Reflection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the settings of a live commons-pool2 {@code GenericObjectPool} by reflection.
 *
 * <p>Reflection, because the agent's classes cannot link against the application's commons-pool2
 * (another class loader, any version from 2.4 to 2.13). Where a setting has both a {@code Duration}
 * and a {@code long} millis accessor, the {@code Duration} one is used: the millis ones are deprecated
 * since 2.10 and are the ones a future release drops. Looked up once per pool class.
 */
public final class CommonsPoolAccess {

    private static final ClassValue<CommonsPoolAccess> BY_CLASS = new ClassValue<CommonsPoolAccess>() {
        @Override
        protected CommonsPoolAccess computeValue(Class<?> type) {
            return new CommonsPoolAccess(type);
        }
    };

    private final Map<PoolSetting, Accessor> accessors = new EnumMap<>(PoolSetting.class);
    private final List<String> missing = new ArrayList<>();

    private CommonsPoolAccess(Class<?> type) {
        number(type, PoolSetting.MAX_TOTAL, "MaxTotal");
        number(type, PoolSetting.MAX_IDLE, "MaxIdle");
        number(type, PoolSetting.MIN_IDLE, "MinIdle");
        flag(type, PoolSetting.BLOCK_WHEN_EXHAUSTED, "BlockWhenExhausted");
        flag(type, PoolSetting.TEST_WHILE_IDLE, "TestWhileIdle");
        duration(type, PoolSetting.MAX_WAIT,
                new String[] {"getMaxWaitDuration", "getMaxWaitMillis"},
                new String[] {"setMaxWait", "setMaxWaitMillis"});
        duration(type, PoolSetting.EVICTION_INTERVAL,
                new String[] {"getDurationBetweenEvictionRuns", "getTimeBetweenEvictionRuns",
                        "getTimeBetweenEvictionRunsMillis"},
                new String[] {"setDurationBetweenEvictionRuns", "setTimeBetweenEvictionRuns",
                        "setTimeBetweenEvictionRunsMillis"});
    }

    public static CommonsPoolAccess of(Object pool) {
        return BY_CLASS.get(pool.getClass());
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
        return new PoolGauges(count(pool, "getNumActive"), count(pool, "getNumIdle"), (int) get(pool, PoolSetting.MAX_TOTAL),
                (int) get(pool, PoolSetting.MAX_IDLE), (int) get(pool, PoolSetting.MIN_IDLE), count(pool, "getNumWaiters"));
    }

    private static int count(Object pool, String getter) {
        Object value = Reflection.call(pool, getter);
        return value instanceof Integer ? (Integer) value : 0;
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

    private void number(Class<?> type, PoolSetting setting, String property) {
        register(setting, "get" + property, method(type, "get" + property),
                "set" + property + "(int)", method(type, "set" + property, int.class));
    }

    private void flag(Class<?> type, PoolSetting setting, String property) {
        register(setting, "get" + property, method(type, "get" + property),
                "set" + property + "(boolean)", method(type, "set" + property, boolean.class));
    }

    private void duration(Class<?> type, PoolSetting setting, String[] getters, String[] setters) {
        Method getter = null;
        for (int i = 0; i < getters.length && getter == null; i++) {
            getter = method(type, getters[i]);
        }
        Method setter = null;
        for (int i = 0; i < setters.length && setter == null; i++) {
            setter = method(type, setters[i], Duration.class);
            if (setter == null) {
                setter = method(type, setters[i], long.class);
            }
        }
        register(setting, getters[getters.length - 1], getter, setters[setters.length - 1] + "(long)", setter);
    }

    private void register(PoolSetting setting, String getterName, Method getter, String setterName, Method setter) {
        if (getter == null) {
            missing.add(getterName);
        }
        if (setter == null) {
            missing.add(setterName);
        }
        if (getter != null && setter != null) {
            accessors.put(setting, new Accessor(getter, setter));
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }

    /** One setting: values cross as long (booleans as 0/1, durations as millis). */
    private static final class Accessor {
        private final Method getter;
        private final Method setter;

        Accessor(Method getter, Method setter) {
            this.getter = getter;
            this.setter = setter;
        }

        long get(Object pool) {
            Object value = invoke(getter, pool);
            if (value instanceof Duration) {
                return ((Duration) value).toMillis();
            }
            if (value instanceof Boolean) {
                return ((Boolean) value) ? 1 : 0;
            }
            return ((Number) value).longValue();
        }

        void set(Object pool, long value) {
            Class<?> parameter = setter.getParameterTypes()[0];
            Object argument;
            if (parameter == Duration.class) {
                argument = Duration.ofMillis(value);
            } else if (parameter == boolean.class) {
                argument = value != 0;
            } else if (parameter == int.class) {
                argument = (int) value;
            } else {
                argument = value;
            }
            invoke(setter, pool, argument);
        }

        private static Object invoke(Method method, Object target, Object... arguments) {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException failed) {
                throw new IllegalStateException(method.getName() + " failed", failed.getCause());
            } catch (IllegalAccessException denied) {
                throw new IllegalStateException(method.getName() + " is not accessible", denied);
            }
        }
    }
}
