package io.redispoolagent.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.LeakyApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** redis.pool.leakThreshold: a connection held too long is reported once, with the borrower's stack. */
class LeakDetectionTest {

    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.oneServer();

    private ChildJvm.Result run(String... properties) {
        ChildJvm jvm = ChildJvm.forMain(LeakyApp.class)
                .withAgent()
                .client(ClientMatrix.jedis("5.2.0"))
                .systemProperty("redis.pool.env", "production")
                .systemProperty("otel.metrics.exporter", "none")
                .args(REDIS.server().host(), String.valueOf(REDIS.server().port()), "800");
        for (int i = 0; i < properties.length; i += 2) {
            jvm.systemProperty(properties[i], properties[i + 1]);
        }
        ChildJvm.Result result = jvm.run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void aConnectionHeldPastTheThresholdIsReportedOnceWithTheApplicationsStack() {
        ChildJvm.Result result = run("redis.pool.leakThreshold", "200ms");

        assertThat(result.agentLines("WARN"))
                .singleElement()
                .asString()
                .contains("a connection borrowed by thread main has been held for more than 200 ms; a possible leak");
        assertThat(result.stderr()).contains("at " + LeakyApp.class.getName() + ".main(");
        assertThat(result.agentLines("INFO"))
                .anySatisfy(line ->
                        assertThat(line).contains("the connection reported as a suspected leak was returned after"));
    }

    @Test
    void withoutAThresholdNothingIsReported() {
        assertThat(run().agentLines("WARN")).isEmpty();
    }
}
