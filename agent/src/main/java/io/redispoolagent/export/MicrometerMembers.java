package io.redispoolagent.export;

import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Handle;
import io.redispoolagent.reflect.Versions;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The Micrometer members through which the agent registers its meters in the application's registry
 * (the agent cannot link against Micrometer): the global registry, the builders of function counters,
 * function timers and gauges, and meter removal. Every call throws when Micrometer lacks the member.
 */
final class MicrometerMembers {

    private static final String MICROMETER = "micrometer-core";
    private static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    static final ClientType METRICS = ClientType.of(MICROMETER, "io.micrometer.core.instrument.Metrics", Versions.ALL);
    private static final ClientMember GLOBAL_REGISTRY = METRICS.staticField("globalRegistry");

    static final ClientType FUNCTION_COUNTER =
            ClientType.of(MICROMETER, "io.micrometer.core.instrument.FunctionCounter", Versions.ALL);
    private static final ClientMember NEW_COUNTER_BUILDER =
            FUNCTION_COUNTER.staticMethod("builder", String.class, Object.class, ToDoubleFunction.class);

    static final ClientType FUNCTION_TIMER =
            ClientType.of(MICROMETER, "io.micrometer.core.instrument.FunctionTimer", Versions.ALL);
    private static final ClientMember NEW_TIMER_BUILDER = FUNCTION_TIMER.staticMethod(
            "builder", String.class, Object.class, ToLongFunction.class, ToDoubleFunction.class, TimeUnit.class);

    static final ClientType GAUGE = ClientType.of(MICROMETER, "io.micrometer.core.instrument.Gauge", Versions.ALL);
    private static final ClientMember NEW_GAUGE_BUILDER =
            GAUGE.staticMethod("builder", String.class, Object.class, ToDoubleFunction.class);

    static final ClientType FUNCTION_COUNTER_BUILDER = builder("io.micrometer.core.instrument.FunctionCounter$Builder");
    static final ClientType FUNCTION_TIMER_BUILDER = builder("io.micrometer.core.instrument.FunctionTimer$Builder");
    static final ClientType GAUGE_BUILDER = builder("io.micrometer.core.instrument.Gauge$Builder");
    private static final ClientType[] BUILDERS = {FUNCTION_COUNTER_BUILDER, FUNCTION_TIMER_BUILDER, GAUGE_BUILDER};

    static final ClientType METER_REGISTRY = ClientType.of(MICROMETER, METER_REGISTRY_CLASS, Versions.ALL);
    private static final ClientMember REMOVE =
            METER_REGISTRY.method("remove", Object.class, "io.micrometer.core.instrument.Meter");

    private MicrometerMembers() {}

    /** {@code Metrics.globalRegistry} as {@code loader} sees it; null when it has no Micrometer. */
    static Object globalRegistry(ClassLoader loader) {
        if (METRICS.load(loader) == null) {
            return null;
        }
        Handle registry = GLOBAL_REGISTRY.in(loader);
        if (registry == null) {
            throw new IllegalStateException("Micrometer has no " + GLOBAL_REGISTRY);
        }
        return registry.invoke();
    }

    static Object counterBuilder(Object registry, String name, Object state, ToDoubleFunction<?> value) {
        return NEW_COUNTER_BUILDER.require(registry.getClass()).invoke(name, state, value);
    }

    static Object timerBuilder(
            Object registry,
            String name,
            Object state,
            ToLongFunction<?> count,
            ToDoubleFunction<?> total,
            TimeUnit unit) {
        return NEW_TIMER_BUILDER.require(registry.getClass()).invoke(name, state, count, total, unit);
    }

    static Object gaugeBuilder(Object registry, String name, Object state, ToDoubleFunction<?> value) {
        return NEW_GAUGE_BUILDER.require(registry.getClass()).invoke(name, state, value);
    }

    static Object description(Object builder, String description) {
        return builderMember(builder, "description").invoke(builder, description);
    }

    static Object tag(Object builder, String key, String value) {
        return builderMember(builder, "tag").invoke(builder, key, value);
    }

    /** Registers the built meter in {@code registry}; returns the meter. */
    static Object register(Object builder, Object registry) {
        return builderMember(builder, "register").invoke(builder, registry);
    }

    static void remove(Object registry, Object meter) {
        REMOVE.require(registry.getClass()).invoke(registry, meter);
    }

    /** The three builders share these members. */
    private static ClientType builder(String className) {
        ClientType type = ClientType.of(MICROMETER, className, Versions.ALL);
        type.method("description", Object.class, String.class);
        type.method("tag", Object.class, String.class, String.class);
        type.method("register", Object.class, METER_REGISTRY_CLASS);
        return type;
    }

    private static Handle builderMember(Object builder, String name) {
        for (ClientType type : BUILDERS) {
            if (type.describes(builder.getClass())) {
                for (ClientMember member : type.members()) {
                    if (member.name().equals(name)) {
                        return member.require(builder.getClass());
                    }
                }
            }
        }
        throw new IllegalStateException(builder.getClass().getName() + " is not a Micrometer builder the agent knows");
    }
}
