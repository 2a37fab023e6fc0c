package io.redispoolagent.reflect;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
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
        Field field = findField(target.getClass(), name);
        try {
            return field == null ? null : field.get(target);
        } catch (IllegalAccessException | RuntimeException inaccessible) {
            return null;
        }
    }

    /** The method declared by {@code type} or a superclass, whatever its access, made accessible; or null. */
    public static Method findMethod(Class<?> type, String name, Class<?>... parameters) {
        return declared(type, declaring -> declaring.getDeclaredMethod(name, parameters));
    }

    /** The class named {@code name} as {@code loader} sees it (not initialized), or null. */
    public static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
            return null;
        }
    }

    /**
     * Invokes {@code method}, rethrowing what the method itself threw (a client's exception) as it is:
     * for the calls whose failure the caller must see, unlike {@link #call}.
     */
    public static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** The field declared by {@code type} or a superclass, made accessible; null if absent or inaccessible. */
    public static Field findField(Class<?> type, String name) {
        return declared(type, declaring -> declaring.getDeclaredField(name));
    }

    /** Looks a member up in one class; throws when that class does not declare it. */
    private interface Lookup<T> {
        T in(Class<?> declaring) throws ReflectiveOperationException;
    }

    private static <T extends AccessibleObject> T declared(Class<?> type, Lookup<T> lookup) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                T member = lookup.in(declaring);
                member.setAccessible(true);
                return member;
            } catch (ReflectiveOperationException notHere) {
                // keep looking in the superclass
            } catch (RuntimeException inaccessible) {
                return null;
            }
        }
        return null;
    }
}
