package io.redispoolagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's configuration reference stays in step with the code: every key the agent reads is documented. */
class ReadmeReferenceTest {

    @Test
    void everyConfigurationKeyHasARowInTheReadmeReference() throws IOException {
        String readme = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);

        for (ConfigKey key : ConfigKey.values()) {
            assertThat(readme).as("README row for " + key.key()).contains("| `" + key.key() + "` |");
        }
    }
}
