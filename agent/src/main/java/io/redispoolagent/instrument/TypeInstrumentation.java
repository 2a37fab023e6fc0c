package io.redispoolagent.instrument;

import java.util.function.BiFunction;
import java.util.function.Predicate;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/** The advice the agent weaves into one client class, whichever way the class reaches the agent. */
public interface TypeInstrumentation {

    /** The class's binary name, such as {@code org.apache.commons.pool2.impl.GenericObjectPool}. */
    String typeName();

    /**
     * False when this version of the class has nothing to weave (the class keeps its name across client
     * versions, not its role): the class then loads unchanged, at the cost of one parse.
     */
    default boolean appliesTo(TypeDescription type) {
        return true;
    }

    /** Adds this class's advice ({@code builder.visit(Advice...)}); nothing else may change the class. */
    DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type);

    static TypeInstrumentation of(
            String typeName, BiFunction<DynamicType.Builder<?>, TypeDescription, DynamicType.Builder<?>> transform) {
        return of(typeName, type -> true, transform);
    }

    static TypeInstrumentation of(
            String typeName,
            Predicate<TypeDescription> appliesTo,
            BiFunction<DynamicType.Builder<?>, TypeDescription, DynamicType.Builder<?>> transform) {
        return new TypeInstrumentation() {
            @Override
            public String typeName() {
                return typeName;
            }

            @Override
            public boolean appliesTo(TypeDescription type) {
                return appliesTo.test(type);
            }

            @Override
            public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type) {
                return transform.apply(builder, type);
            }
        };
    }
}
