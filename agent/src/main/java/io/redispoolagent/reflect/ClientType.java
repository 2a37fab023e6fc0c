package io.redispoolagent.reflect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A class of a client library (Jedis, Lettuce, commons-pool2, Netty, Micrometer) that the agent reaches
 * by reflection, since it cannot link against the application's copy, and the members it uses, declared
 * once. An accessor class holds its client's types as static fields; the accessor test in agent-tests
 * finds them there and resolves every member against every client version of the matrix, so that a
 * release that renames a member fails a test rather than silently turning a feature off.
 *
 * <p>A member that exists only in some releases is declared on a narrowed type ({@link #since}); the
 * test then also checks that it is absent before, so the declared range stays true.
 */
public final class ClientType {

    /** A parameter of any reference type, for members found by shape (the agent cannot name the class). */
    public static final Object ANY = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    private final String artifact;
    private final String className;
    private final Versions versions;
    private final ClientType widerType;
    private final List<ClientMember> members = new ArrayList<>();

    private ClientType(String artifact, String className, Versions versions, ClientType widerType) {
        this.artifact = artifact;
        this.className = className;
        this.versions = versions;
        this.widerType = widerType;
    }

    /** {@code artifact} is the library's Maven artifact id, whose jar's version {@code versions} is about. */
    public static ClientType of(String artifact, String className, Versions versions) {
        return new ClientType(artifact, className, versions, null);
    }

    /** The same class, for the members it has from {@code version} on. */
    public ClientType since(String version) {
        return new ClientType(artifact, className, Versions.from(version), this);
    }

    public String artifact() {
        return artifact;
    }

    public String className() {
        return className;
    }

    public Versions versions() {
        return versions;
    }

    /** The type this one narrows ({@link #since}), whose versions lack this one's members; or null. */
    public ClientType widerType() {
        return widerType;
    }

    public List<ClientMember> members() {
        return Collections.unmodifiableList(members);
    }

    /** True when {@code type} is this class, extends or implements it; by name, since it may be in any loader. */
    public boolean describes(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            if (candidate.getName().equals(className) || implementsIt(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** The class as {@code loader} sees it (not initialized), or null when it has none. */
    public Class<?> load(ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
            return null;
        }
    }

    /** An instance method; {@code returns} is Object for any reference or void, else the primitive it returns. */
    public ClientMember method(String name, Class<?> returns, Object... parameters) {
        return add(new ClientMember(this, ClientMember.Kind.METHOD, name, returns, parameters));
    }

    public ClientMember staticMethod(String name, Object... parameters) {
        return add(new ClientMember(this, ClientMember.Kind.STATIC_METHOD, name, Object.class, parameters));
    }

    /** An instance field, read; {@code returns} as for {@link #method}. */
    public ClientMember field(String name, Class<?> returns) {
        return add(new ClientMember(this, ClientMember.Kind.FIELD_GET, name, returns));
    }

    /** An instance field of the primitive {@code type}, written. */
    public ClientMember fieldSetter(String name, Class<?> type) {
        return add(new ClientMember(this, ClientMember.Kind.FIELD_SET, name, void.class, type));
    }

    public ClientMember staticField(String name) {
        return add(new ClientMember(this, ClientMember.Kind.STATIC_FIELD, name, Object.class));
    }

    public ClientMember constructor(Object... parameters) {
        return add(new ClientMember(this, ClientMember.Kind.CONSTRUCTOR, "<init>", Object.class, parameters));
    }

    @Override
    public String toString() {
        return className + " (" + artifact + " " + versions + ")";
    }

    private boolean implementsIt(Class<?> type) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (implemented.getName().equals(className) || implementsIt(implemented)) {
                return true;
            }
        }
        return false;
    }

    private ClientMember add(ClientMember member) {
        members.add(member);
        return member;
    }
}
