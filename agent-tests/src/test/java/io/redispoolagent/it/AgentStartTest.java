package io.redispoolagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.ClientMatrix.Client;
import io.redispoolagent.it.harness.Jdks;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.JedisPingApp;
import io.redispoolagent.it.scenarios.NoRedisClientApp;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What a user sees when the agent starts: nothing changes for the app, and every message is one clear line. */
class AgentStartTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @Test
    void appWithoutRedisClientPrintsTheSameAndExitsTheSameWithTheAgent() {
        ChildJvm.Result without = ChildJvm.forMain(NoRedisClientApp.class).run();
        ChildJvm.Result with =
                ChildJvm.forMain(NoRedisClientApp.class).withAgent().run();

        assertThat(without.exitCode()).as("%s", without).isEqualTo(NoRedisClientApp.EXIT_CODE);
        assertThat(with.exitCode()).as("%s", with).isEqualTo(without.exitCode());
        assertThat(with.stdout()).isEqualTo(without.stdout());
    }

    @Test
    void agentGivenTwiceInstallsOnceAndSaysSoInOneLine() {
        ChildJvm.Result result = jedisPingApp(ClientMatrix.jedis("5.2.0"))
                .withAgent()
                .withAgent()
                .run();

        assertPingWorked(result);
        assertThat(result.agentLines())
                .as("%s", result)
                .filteredOn(line -> line.contains("already installed"))
                .hasSize(1);
    }

    /** The same bad value, given in each of the three ways a user can configure the agent. */
    enum BananaMaxTotal {
        SYSTEM_PROPERTY(app -> app.withAgent().systemProperty("redis.pool.maxTotal", "banana")),
        AGENT_ARGUMENT(app -> app.withAgent("maxTotal=banana")),
        ENVIRONMENT_VARIABLE(app -> app.withAgent().env("REDIS_POOL_MAXTOTAL", "banana"));

        final UnaryOperator<ChildJvm> configure;

        BananaMaxTotal(UnaryOperator<ChildJvm> configure) {
            this.configure = configure;
        }
    }

    @ParameterizedTest
    @EnumSource(BananaMaxTotal.class)
    void invalidMaxTotalIsOneWarningNamingKeyAndValueAndTheAppStillRuns(BananaMaxTotal source) {
        ChildJvm.Result result = source.configure
                .apply(jedisPingApp(ClientMatrix.jedis("5.2.0")))
                .run();

        assertPingWorked(result);
        assertThat(result.agentLines("WARN"))
                .as("%s", result)
                .filteredOn(line -> line.contains("redis.pool.maxTotal"))
                .singleElement()
                .asString()
                .contains("banana");
    }

    @Test
    void misspelledKeyIsOneWarningSuggestingTheRightKey() {
        ChildJvm.Result result = jedisPingApp(ClientMatrix.jedis("5.2.0"))
                .withAgent()
                .systemProperty("redis.pool.maxTotl", "5")
                .run();

        assertPingWorked(result);
        assertThat(result.agentLines("WARN"))
                .as("%s", result)
                .filteredOn(line -> line.contains("redis.pool.maxTotl"))
                .singleElement()
                .asString()
                .contains("redis.pool.maxTotal");
    }

    @ParameterizedTest
    @MethodSource("io.redispoolagent.it.harness.ClientMatrix#allJedis")
    void jedisAppRunsUnderTheAgentWhichResizesItsPoolWithoutWarnings(Client jedis) {
        assertRunsCleanlyUnderTheAgent(jedisPingApp(jedis), jedis);
    }

    @Test
    void jedisAppRunsUnderTheAgentWhichResizesItsPoolOnJdk25() {
        Path jdk25 = Jdks.assumeJdk25("the agent on JDK 25");
        Client jedis = ClientMatrix.jedis("5.2.0");

        assertRunsCleanlyUnderTheAgent(jedisPingApp(jedis).javaHome(jdk25), jedis);
    }

    /** With an environment named, so the agent resizes the pool (and says so) rather than only observing it. */
    private static void assertRunsCleanlyUnderTheAgent(ChildJvm app, Client jedis) {
        ChildJvm.Result result =
                app.withAgent().systemProperty("redis.pool.env", "development").run();

        assertPingWorked(result);
        assertThat(result.stdoutLines()).contains("jedis jar: jedis-" + jedis.version() + ".jar");
        String poolName = redis.server().host() + ":" + redis.server().port();
        assertThat(result.agentLines("INFO"))
                .as("%s", result)
                .anyMatch(line -> line.contains(poolName) && line.contains("maxTotal"));
        assertThat(result.agentLines("WARN")).as("%s", result).isEmpty();
        assertThat(result.agentLines("ERROR")).as("%s", result).isEmpty();
    }

    private static ChildJvm jedisPingApp(Client jedis) {
        return ChildJvm.forMain(JedisPingApp.class)
                .client(jedis)
                .args(redis.server().host(), String.valueOf(redis.server().port()));
    }

    private static void assertPingWorked(ChildJvm.Result result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result).contains("SET greeting -> OK", "GET greeting -> hello");
    }
}
