package io.redispoolagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.reflect.ClientMember;
import io.redispoolagent.reflect.ClientType;
import io.redispoolagent.reflect.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenTelemetry instrumentation's "muzzle" idea for the agent's reflection: every client class and
 * member the agent declares ({@link ClientType}s, found as static fields of the agent's classes, so a new
 * accessor is checked without being listed here) resolves against the jars of every client version of the
 * matrix and of the Micrometer the tests use, each in a class loader of its own. A member declared for
 * some releases only must also be absent before them. A client release that renames a member fails here,
 * not in a user's service.
 */
class ClientMemberMatrixTest {

    private static final List<ClientType> DECLARED = declaredClientTypes();

    /** One classpath of the matrix, and the version of each library on it, from its jar names. */
    record Classpath(String name, List<Path> jars) {

        String versionOf(String artifact) {
            for (Path jar : jars) {
                String file = jar.getFileName().toString();
                String prefix = artifact + "-";
                if (file.startsWith(prefix)
                        && file.endsWith(".jar")
                        && file.length() > prefix.length()
                        && Character.isDigit(file.charAt(prefix.length()))) {
                    return file.substring(prefix.length(), file.length() - ".jar".length());
                }
            }
            return null;
        }

        URLClassLoader isolatedLoader() {
            URL[] urls = jars.stream().map(Classpath::url).toArray(URL[]::new);
            return new URLClassLoader(name, urls, ClassLoader.getPlatformClassLoader());
        }

        private static URL url(Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jar.toString(), e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Classpath> matrix() {
        Stream<Classpath> clients = Stream.of(ClientMatrix.allJedis(), ClientMatrix.allLettuce())
                .flatMap(List::stream)
                .map(client -> new Classpath(client.toString(), client.classpath()));
        return Stream.concat(clients, Stream.of(new Classpath("micrometer", ClientMatrix.micrometerClasspath())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyDeclaredMemberResolvesInTheVersionsItIsDeclaredForAndNoEarlier(Classpath classpath) throws IOException {
        try (URLClassLoader loader = classpath.isolatedLoader()) {
            assertThat(mismatches(DECLARED, classpath, loader)).isEmpty();
        }
    }

    @Test
    void everyDeclaredClientTypeIsCheckedAgainstSomeClasspathOfTheMatrix() {
        List<Classpath> classpaths = matrix().toList();

        assertThat(DECLARED)
                .allSatisfy(type -> assertThat(classpaths)
                        .as("a classpath with %s in %s", type.artifact(), type.versions())
                        .anySatisfy(classpath -> assertThat(classpath.versionOf(type.artifact()))
                                .isNotNull()
                                .matches(version -> type.versions().contains(version))));
    }

    @Test
    void theAccessorsOfEveryLibraryTheAgentReachesAreFound() {
        assertThat(DECLARED)
                .extracting(ClientType::artifact)
                .contains("jedis", "lettuce-core", "commons-pool2", "netty-transport", "micrometer-core");
        assertThat(DECLARED).flatExtracting(ClientType::members).hasSizeGreaterThan(50);
    }

    @Test
    void aMemberTheClientLacksAndAMemberOlderThanDeclaredAreBothReported() throws IOException {
        ClientType connection = ClientType.of("jedis", "redis.clients.jedis.Connection", Versions.ALL);
        connection.method("disconnectRenamed", Object.class);
        ClientType narrowed = connection.since("99");
        narrowed.method("disconnect", Object.class);
        Classpath jedis = matrix().filter(classpath -> classpath.name().startsWith("jedis"))
                .findFirst()
                .orElseThrow();

        try (URLClassLoader loader = jedis.isolatedLoader()) {
            assertThat(mismatches(List.of(connection, narrowed), jedis, loader))
                    .satisfiesExactly(
                            missing -> assertThat(missing).contains("Connection.disconnectRenamed()", "missing"),
                            early -> assertThat(early).contains("Connection.disconnect()", "exists"));
        }
    }

    /** What does not hold on {@code classpath}, one line each. */
    private static List<String> mismatches(List<ClientType> types, Classpath classpath, ClassLoader loader) {
        List<String> mismatches = new ArrayList<>();
        for (ClientType type : types) {
            String version = classpath.versionOf(type.artifact());
            if (version == null) {
                continue;
            }
            if (type.versions().contains(version)) {
                if (type.load(loader) == null) {
                    mismatches.add(type + ": class missing in " + type.artifact() + " " + version);
                }
                for (ClientMember member : type.members()) {
                    if (member.in(loader) == null) {
                        mismatches.add(member + ": missing in " + type.artifact() + " " + version);
                    }
                }
            } else if (type.widerType() != null && type.widerType().versions().contains(version)) {
                for (ClientMember member : type.members()) {
                    if (member.in(loader) != null) {
                        mismatches.add(member + ": exists in " + type.artifact() + " " + version
                                + ", though declared for " + type.versions());
                    }
                }
            }
        }
        return mismatches;
    }

    /** The values of every static ClientType field of the agent's own classes (not its shaded libraries). */
    private static List<ClientType> declaredClientTypes() {
        Path agentClasses;
        try {
            agentClasses = Path.of(ClientType.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the agent's classes", e);
        }
        Map<String, ClientType> declared = new LinkedHashMap<>();
        for (String className : agentClassNames(agentClasses)) {
            Class<?> type = load(className);
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClientType.class) {
                    declared.put(className + "." + field.getName(), value(field));
                }
            }
        }
        return List.copyOf(declared.values());
    }

    private static List<String> agentClassNames(Path agentClasses) {
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(agentClasses)) {
            try (Stream<Path> files = Files.walk(agentClasses)) {
                files.map(file -> agentClasses.relativize(file).toString().replace('\\', '/'))
                        .forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            try (JarFile jar = new JarFile(agentClasses.toFile())) {
                for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                    entries.add(all.nextElement().getName());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries.stream()
                .filter(entry -> entry.startsWith("io/redispoolagent/")
                        && !entry.startsWith("io/redispoolagent/shaded/")
                        && entry.endsWith(".class"))
                .map(entry ->
                        entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
                .toList();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ClientType.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClientType value(Field field) {
        try {
            field.setAccessible(true);
            return (ClientType) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
