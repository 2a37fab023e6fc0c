package io.redispoolagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.ClientMatrix.Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClientMatrixTest {

    private static final Pattern COMMONS_POOL2_VERSION =
            Pattern.compile("<artifactId>commons-pool2</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void coversJedis3To8AndLettuce5To7() {
        assertThat(ClientMatrix.allJedis()).extracting(ClientMatrixTest::major).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(ClientMatrix.allLettuce())
                .extracting(ClientMatrixTest::major)
                .containsExactly(5, 6, 7);
    }

    @ParameterizedTest
    @MethodSource("allClients")
    void eachClientRunsOnTheJarOfItsOwnVersion(Client client) {
        assertThat(client.classpath())
                .extracting(path -> path.getFileName().toString())
                .contains(jarName(client));
    }

    /** The root pom manages commons-pool2 for the agent; the matrix must not let that leak into the clients. */
    @ParameterizedTest
    @MethodSource("allClients")
    void eachClientGetsTheCommonsPool2VersionItsOwnPomNames(Client client) throws IOException {
        Path clientJar = client.classpath().stream()
                .filter(path -> path.getFileName().toString().equals(jarName(client)))
                .findFirst()
                .orElseThrow();
        String clientPom =
                Files.readString(clientJar.resolveSibling(jarName(client).replaceFirst("\\.jar$", ".pom")));
        Matcher version = COMMONS_POOL2_VERSION.matcher(clientPom);
        assertThat(version.find())
                .as("commons-pool2 version in the pom of %s", client)
                .isTrue();

        assertThat(client.classpath())
                .extracting(path -> path.getFileName().toString())
                .contains("commons-pool2-" + version.group(1) + ".jar");
    }

    static Stream<Client> allClients() {
        return Stream.of(ClientMatrix.allJedis(), ClientMatrix.allLettuce()).flatMap(List::stream);
    }

    private static String jarName(Client client) {
        String artifact = client.family().equals("lettuce") ? "lettuce-core" : client.family();
        return artifact + "-" + client.version() + ".jar";
    }

    private static int major(Client client) {
        return Integer.parseInt(client.version().substring(0, client.version().indexOf('.')));
    }
}
