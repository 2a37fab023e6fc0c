package io.redispoolagent.reflect;

import java.lang.invoke.MethodHandle;

/**
 * A resolved client member, called without reflection's per-call argument array or boxing: a method
 * handle adapted once to its member's call type, where the receiver and every reference is an {@code
 * Object} and primitives stay primitive. Each method below calls one call type; the member's declaration
 * (see {@link ClientType}) says which one applies. What the member throws reaches the caller as it is;
 * a checked exception arrives wrapped in an {@link IllegalStateException}.
 */
public final class Handle {

    private final MethodHandle target;
    private final String member;

    Handle(MethodHandle target, String member) {
        this.target = target;
        this.member = member;
    }

    /** A static field or a static method without parameters: {@code ()Object}. */
    public Object invoke() {
        try {
            return (Object) target.invokeExact();
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    /** A field, an instance method without parameters (a void one returns null), or a one-parameter constructor. */
    public Object invoke(Object first) {
        try {
            return (Object) target.invokeExact(first);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    public Object invoke(Object first, Object second) {
        try {
            return (Object) target.invokeExact(first, second);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    public Object invoke(Object first, Object second, Object third) {
        try {
            return (Object) target.invokeExact(first, second, third);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    public Object invoke(Object first, Object second, Object third, Object fourth, Object fifth) {
        try {
            return (Object) target.invokeExact(first, second, third, fourth, fifth);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    /** An {@code int} field or getter. */
    public int invokeForInt(Object target) {
        try {
            return (int) this.target.invokeExact(target);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    /** A {@code long} getter. */
    public long invokeForLong(Object target) {
        try {
            return (long) this.target.invokeExact(target);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    /** A {@code boolean} field or getter. */
    public boolean invokeForBoolean(Object target) {
        try {
            return (boolean) this.target.invokeExact(target);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    /** A method or field setter taking one {@code int}; whatever it returns is dropped. */
    public void invokeWith(Object target, int value) {
        try {
            this.target.invokeExact(target, value);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    /** A method or field setter taking one {@code long}; whatever it returns is dropped. */
    public void invokeWith(Object target, long value) {
        try {
            this.target.invokeExact(target, value);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    /** A method or field setter taking one {@code boolean}; whatever it returns is dropped. */
    public void invokeWith(Object target, boolean value) {
        try {
            this.target.invokeExact(target, value);
        } catch (Throwable thrown) {
            throw rethrow(thrown);
        }
    }

    @Override
    public String toString() {
        return member;
    }

    private RuntimeException rethrow(Throwable thrown) {
        if (thrown instanceof RuntimeException) {
            return (RuntimeException) thrown;
        }
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
        return new IllegalStateException(member + " threw " + thrown, thrown);
    }
}
