package io.redispoolagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.scenarios.NoRedisClientApp;
import io.redispoolagent.it.scenarios.SleepingApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    @Test
    void capturesWhatTheChildPrintsAndItsExitCode() {
        ChildJvm.Result result = ChildJvm.forMain(NoRedisClientApp.class).run();

        assertThat(result.exitCode()).as("%s", result).isEqualTo(NoRedisClientApp.EXIT_CODE);
        assertThat(result.stdoutLines()).contains("sum of 1..100 = 5050", "no-redis-client app: done");
        assertThat(result.agentLines()).isEmpty();
    }

    @Test
    void killsAChildThatOutlivesItsTimeoutAndReportsWhatItPrinted() {
        ChildJvm sleeper = ChildJvm.forMain(SleepingApp.class).timeout(Duration.ofSeconds(2));

        assertThatThrownBy(sleeper::run)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within 2 s and was killed")
                .hasMessageContaining("sleeping");
    }
}
