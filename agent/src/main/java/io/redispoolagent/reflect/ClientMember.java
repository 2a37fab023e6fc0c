package io.redispoolagent.reflect;

import io.redispoolagent.util.PerClass;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * One member of a {@link ClientType}, found by name and parameter shape (a parameter is a class, a class
 * name, or {@link ClientType#ANY}), whatever its access, in the class or its superclasses and interfaces.
 * Looked up once per class ({@link #on}) and cached. A member a class lacks is null: the accessor that
 * needs it turns its feature off for that class and says so once, since only it knows which feature that
 * is and whether the member's absence is expected (a client version that never had it).
 */
public final class ClientMember {

    enum Kind {
        METHOD,
        STATIC_METHOD,
        FIELD_GET,
        FIELD_SET,
        STATIC_FIELD,
        CONSTRUCTOR
    }

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final Handle ABSENT = new Handle(null, "absent");

    private final ClientType owner;
    private final Kind kind;
    private final String name;
    private final Object[] parameters;
    private final MethodType callType;
    private final PerClass<Handle> byClass = PerClass.of(type -> {
        Handle found = resolveFor(type);
        return found == null ? ABSENT : found;
    });

    ClientMember(ClientType owner, Kind kind, String name, Class<?> returns, Object... parameters) {
        this.owner = owner;
        this.kind = kind;
        this.name = name;
        this.parameters = parameters.clone();
        this.callType = callType(kind, returns, parameters);
    }

    public ClientType owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    /**
     * The member for objects of class {@code type}: an instance member is looked up in {@code type}, a
     * static one or a constructor in the owner class as {@code type}'s loader sees it. Null when absent.
     */
    public Handle on(Class<?> type) {
        Handle handle = byClass.get(type);
        return handle == ABSENT ? null : handle;
    }

    /** As {@link #on}, for a member without which the caller cannot go on: throws when absent. */
    public Handle require(Class<?> type) {
        Handle handle = on(type);
        if (handle == null) {
            throw new IllegalStateException(type.getName() + " has no " + this);
        }
        return handle;
    }

    /** The member in the owner class as {@code loader} sees it, or null; not cached (start-up, tests). */
    public Handle in(ClassLoader loader) {
        Class<?> declaring = owner.load(loader);
        return declaring == null ? null : resolve(declaring);
    }

    /**
     * The value of this getter or field on {@code target}; null when the target's class lacks it or it
     * failed: for reads whose absence the caller treats as unknown.
     */
    public Object read(Object target) {
        Handle handle = on(target.getClass());
        try {
            return handle == null ? null : handle.invoke(target);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** As {@link #read}, for an {@code int} getter; {@code otherwise} when absent or failed. */
    public int readInt(Object target, int otherwise) {
        Handle handle = on(target.getClass());
        try {
            return handle == null ? otherwise : handle.invokeForInt(target);
        } catch (RuntimeException unreadable) {
            return otherwise;
        }
    }

    /** As {@link #read}, for a {@code boolean} getter; {@code otherwise} when absent or failed. */
    public boolean readBoolean(Object target, boolean otherwise) {
        Handle handle = on(target.getClass());
        try {
            return handle == null ? otherwise : handle.invokeForBoolean(target);
        } catch (RuntimeException unreadable) {
            return otherwise;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(simpleName(owner.className()));
        text.append(kind == Kind.CONSTRUCTOR ? "" : "." + name);
        if (kind != Kind.FIELD_GET && kind != Kind.FIELD_SET && kind != Kind.STATIC_FIELD) {
            text.append('(');
            for (int i = 0; i < parameters.length; i++) {
                text.append(i == 0 ? "" : ", ").append(parameterName(parameters[i]));
            }
            text.append(')');
        }
        return text.toString();
    }

    private Handle resolveFor(Class<?> type) {
        boolean instanceMember = kind == Kind.METHOD || kind == Kind.FIELD_GET || kind == Kind.FIELD_SET;
        Class<?> declaring = instanceMember ? type : owner.load(type.getClassLoader());
        return declaring == null ? null : resolve(declaring);
    }

    private Handle resolve(Class<?> type) {
        try {
            MethodHandle raw = unreflect(type);
            // Fixed arity: a varargs method's handle would otherwise wrap its last argument into a new array.
            return raw == null ? null : new Handle(raw.asFixedArity().asType(callType), toString());
        } catch (IllegalAccessException | RuntimeException | LinkageError unusable) {
            return null;
        }
    }

    private MethodHandle unreflect(Class<?> type) throws IllegalAccessException {
        switch (kind) {
            case METHOD:
            case STATIC_METHOD:
                Method method = findMethod(type, kind == Kind.STATIC_METHOD);
                return method == null ? null : LOOKUP.unreflect(accessible(method));
            case FIELD_GET:
            case STATIC_FIELD:
                Field read = findField(type, kind == Kind.STATIC_FIELD);
                return read == null ? null : LOOKUP.unreflectGetter(accessible(read));
            case FIELD_SET:
                Field written = findField(type, false);
                return written == null || written.getType() != parameters[0]
                        ? null
                        : LOOKUP.unreflectSetter(accessible(written));
            default:
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (matches(constructor.getParameterTypes())) {
                        return LOOKUP.unreflectConstructor(accessible(constructor));
                    }
                }
                return null;
        }
    }

    private Method findMethod(Class<?> type, boolean isStatic) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            Method found = declaredMethod(declaring, isStatic);
            if (found != null) {
                return found;
            }
        }
        // Interface methods a class inherits without declaring them (abstract classes, default methods).
        for (Class<?> declaring = type; declaring != null && !isStatic; declaring = declaring.getSuperclass()) {
            Method found = interfaceMethod(declaring);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Method interfaceMethod(Class<?> type) {
        for (Class<?> implemented : type.getInterfaces()) {
            Method found = declaredMethod(implemented, false);
            if (found == null) {
                found = interfaceMethod(implemented);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Method declaredMethod(Class<?> declaring, boolean isStatic) {
        for (Method method : declaring.getDeclaredMethods()) {
            if (method.getName().equals(name)
                    && !method.isBridge()
                    && Modifier.isStatic(method.getModifiers()) == isStatic
                    && matches(method.getParameterTypes())) {
                return method;
            }
        }
        return null;
    }

    private Field findField(Class<?> type, boolean isStatic) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                Field field = declaring.getDeclaredField(name);
                return Modifier.isStatic(field.getModifiers()) == isStatic ? field : null;
            } catch (NoSuchFieldException notHere) {
                // keep looking in the superclass
            }
        }
        return null;
    }

    private boolean matches(Class<?>[] actual) {
        if (actual.length != parameters.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            Object expected = parameters[i];
            boolean match = expected == ClientType.ANY
                    ? !actual[i].isPrimitive()
                    : expected instanceof String ? actual[i].getName().equals(expected) : actual[i] == expected;
            if (!match) {
                return false;
            }
        }
        return true;
    }

    /** Reflection refuses non-public members (and public ones of non-public classes) until made accessible. */
    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }

    private static MethodType callType(Kind kind, Class<?> returns, Object[] parameters) {
        boolean hasReceiver = kind == Kind.METHOD || kind == Kind.FIELD_GET || kind == Kind.FIELD_SET;
        Class<?>[] types = new Class<?>[parameters.length + (hasReceiver ? 1 : 0)];
        int next = 0;
        if (hasReceiver) {
            types[next++] = Object.class;
        }
        for (Object parameter : parameters) {
            types[next++] = parameter instanceof Class && ((Class<?>) parameter).isPrimitive()
                    ? (Class<?>) parameter
                    : Object.class;
        }
        // A void method with only reference parameters is called like any other: it returns null.
        boolean primitiveParameter = false;
        for (Class<?> type : types) {
            primitiveParameter |= type.isPrimitive();
        }
        return MethodType.methodType(returns == void.class && !primitiveParameter ? Object.class : returns, types);
    }

    private static String parameterName(Object parameter) {
        return parameter instanceof Class
                ? ((Class<?>) parameter).getSimpleName()
                : parameter instanceof String ? simpleName((String) parameter) : String.valueOf(parameter);
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
