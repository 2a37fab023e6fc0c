package io.redispoolagent.it.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/**
 * The client versions the agent is tested against: one module per version under agent-tests/clients
 * (directory {@code jedis-VERSION} or {@code lettuce-VERSION}), whose build writes the client's
 * classpath, as Maven resolved it with the client's own transitive dependencies, to
 * {@code target/classpath.txt}. The list of versions is the module list of clients/pom.xml, so a
 * version is added to every matrix test by adding its module there.
 */
public final class ClientMatrix {

    /** One client version; its classpath is read when first asked for. */
    public record Client(String family, String version) {

        public List<Path> classpath() {
            Path file = clientsDir().resolve(family + "-" + version).resolve("target/classpath.txt");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: the client matrix is not built;"
                        + " run mvn verify from the root (or mvn -pl agent-tests/clients install)");
            }
            try {
                return Arrays.stream(Files.readString(file).trim().split(File.pathSeparator))
                        .map(Path::of)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return family + " " + version;
        }
    }

    private ClientMatrix() {}

    public static Client jedis(String version) {
        return find("jedis", version);
    }

    public static Client lettuce(String version) {
        return find("lettuce", version);
    }

    public static List<Client> allJedis() {
        return all("jedis");
    }

    public static List<Client> allLettuce() {
        return all("lettuce");
    }

    /** The application-side Micrometer the tests use (system property {@code micrometer.classpath}). */
    public static List<Path> micrometerClasspath() {
        return Arrays.stream(SystemProperties.require("micrometer.classpath").split(File.pathSeparator))
                .map(Path::of)
                .toList();
    }

    private static Client find(String family, String version) {
        Client client = new Client(family, version);
        List<Client> known = all(family);
        if (!known.contains(client)) {
            throw new IllegalArgumentException(
                    client + " is not in the client matrix (" + clientsDir() + "/pom.xml has " + known + ")");
        }
        return client;
    }

    private static List<Client> all(String family) {
        String prefix = family + "-";
        return modules().stream()
                .filter(module -> module.startsWith(prefix))
                .map(module -> new Client(family, module.substring(prefix.length())))
                .toList();
    }

    private static List<String> modules() {
        Path pom = clientsDir().resolve("pom.xml");
        try {
            NodeList modules = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(pom.toFile())
                    .getElementsByTagName("module");
            return IntStream.range(0, modules.getLength())
                    .mapToObj(i -> modules.item(i).getTextContent().trim())
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the client modules from " + pom, e);
        }
    }

    private static Path clientsDir() {
        return Path.of(SystemProperties.require("clients.dir"));
    }
}
