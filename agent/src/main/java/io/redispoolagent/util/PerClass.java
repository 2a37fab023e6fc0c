package io.redispoolagent.util;

import java.util.function.Function;

/**
 * A value computed once per class, as the JDK's {@link ClassValue} keeps it: it does not keep an
 * application's class loader alive, and the lookup costs no lock after the first.
 */
public final class PerClass<T> extends ClassValue<T> {

    private final Function<Class<?>, T> compute;

    private PerClass(Function<Class<?>, T> compute) {
        this.compute = compute;
    }

    public static <T> PerClass<T> of(Function<Class<?>, T> compute) {
        return new PerClass<>(compute);
    }

    @Override
    protected T computeValue(Class<?> type) {
        return compute.apply(type);
    }
}
