package io.redispoolagent.it.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.LettuceTransparencyApp;
import io.redispoolagent.it.scenarios.TransparencyApp;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The application sees exactly the same replies, errors included, with the agent as without it. */
class TransparencyTest {

    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.oneServer();

    static Stream<ClientMatrix.Client> clients() {
        return Stream.concat(ClientMatrix.allJedis().stream(), ClientMatrix.allLettuce().stream());
    }

    private static List<String> replies(ClientMatrix.Client client, boolean agent) {
        Class<?> app = client.family().equals("jedis") ? TransparencyApp.class : LettuceTransparencyApp.class;
        ChildJvm jvm = ChildJvm.forMain(app)
                .client(client)
                .args(REDIS.server().host(), String.valueOf(REDIS.server().port()), UUID.randomUUID() + ":");
        if (agent) {
            jvm.withAgent().systemProperty("redis.pool.env", "production");
        }
        ChildJvm.Result result = jvm.run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.stdoutLines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void everyReplyIsTheSameWithAndWithoutTheAgent(ClientMatrix.Client client) {
        List<String> without = replies(client, false);

        assertThat(replies(client, true)).isEqualTo(without);
        assertThat(without).anySatisfy(line -> assertThat(line).contains("WRONGTYPE"));
    }
}
