package io.redispoolagent.pool;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Reads client objects the agent cannot link against; every failure is a null, never an exception. */
final class Reflection {

    private Reflection() {
    }

    /** Calls a public no-argument method, or returns null. */
    static Object call(Object target, String method) {
        try {
            Method found = target.getClass().getMethod(method);
            found.setAccessible(true);
            return found.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException absent) {
            return null;
        }
    }

    /** Reads a field declared by the object's class or a superclass, or returns null. */
    static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException notHere) {
                // keep looking in the superclass
            } catch (IllegalAccessException | RuntimeException inaccessible) {
                return null;
            }
        }
        return null;
    }
}
