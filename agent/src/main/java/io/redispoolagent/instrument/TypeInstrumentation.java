package io.redispoolagent.instrument;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

import java.util.function.BiFunction;

/** The advice the agent weaves into one client class, whichever way the class reaches the agent. */
public interface TypeInstrumentation {

    /** The class's binary name, such as {@code org.apache.commons.pool2.impl.GenericObjectPool}. */
    String typeName();

    /** Adds this class's advice ({@code builder.visit(Advice...)}); nothing else may change the class. */
    DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type);

    static TypeInstrumentation of(String typeName,
                                  BiFunction<DynamicType.Builder<?>, TypeDescription, DynamicType.Builder<?>> transform) {
        return new TypeInstrumentation() {
            @Override
            public String typeName() {
                return typeName;
            }

            @Override
            public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type) {
                return transform.apply(builder, type);
            }
        };
    }
}
