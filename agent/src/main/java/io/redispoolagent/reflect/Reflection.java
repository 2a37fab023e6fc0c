package io.redispoolagent.reflect;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Reads client objects the agent cannot link against; every failure is a null, never an exception. */
public final class Reflection {

    private Reflection() {
    }

    /** Calls a public no-argument method, or returns null. */
    public static Object call(Object target, String method) {
        try {
            Method found = target.getClass().getMethod(method);
            found.setAccessible(true);
            return found.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException absent) {
            return null;
        }
    }

    /** True when {@code type} is the named class or extends it; by name, since the class may be in another loader. */
    public static boolean isA(Class<?> type, String className) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            if (candidate.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a field declared by the object's class or a superclass, or returns null. */
    public static Object field(Object target, String name) {
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
