package io.redispoolagent.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.metrics.PrometheusText;
import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Spring Boot 3.5 service on Lettuce as Boot sets it up by default: no pool, one connection shared by
 * every caller, which Lettuce reconnects on its own and on which it replays what it had buffered. With
 * the agent, under connection kills every 20 ms, the service keeps serving, the agent builds no pool of
 * its own, and its replay guard keeps a hit from being counted twice.
 */
class SpringBootLettuceSharedConnectionTest {

    @RegisterExtension
    static final RedisExtension redis = ServiceUnderKills.aclServer();

    @Test
    void aSharedConnectionUnderKillsServesOnAndNeverCountsAHitTwice() throws Exception {
        RedisServerProcess server = redis.server();
        ServiceUnderKills with = ServiceUnderKills.run(
                server,
                jvm -> jvm.withAgent()
                        .systemProperty("redis.pool.env", "production")
                        .systemProperty("otel.metrics.exporter", "none"),
                "--spring.data.redis.client-type=lettuce",
                // Boot turns Lettuce pooling on by itself when commons-pool2 is on the class path, as it is
                // in this service (for Jedis): off here, as in a service without commons-pool2.
                "--spring.data.redis.lettuce.pool.enabled=false",
                ServiceUnderKills.url(server));
        System.out.printf(
                "Spring Boot 3.5 + Lettuce (shared connection, no pool), CLIENT KILL every %d ms, with agent: %s;"
                        + " on Actuator, the guard's outcomes: %s%n",
                ServiceUnderKills.KILL_EVERY_MILLIS,
                with,
                new PrometheusText(with.prometheus)
                        .find("redis_pool_agent_retries_total", Map.of("db_client_connection_pool_name", "")));

        assertThat(with.killed).as("the kills reached the service").isPositive();
        if (with.service.agentLines("INFO").stream().anyMatch(line -> line.contains("lettuce: a connection dropped"))) {
            // Whether a kill lands on an in-flight INCR is chance; when one did, its count is on Actuator.
            assertThat(with.retries(Map.of("db_client_connection_pool_name", ""), "not_safe"))
                    .as("the guard's refusals on Actuator, with no pool in the JVM\n%s", with.prometheus)
                    .isPositive();
        }
        assertThat(with.reads)
                .as("reads served under the kills\n%s", with.service)
                .isPositive();
        assertThat(with.incrAcked)
                .as("hits counted under the kills\n%s", with.service)
                .isPositive();
        with.assertNeverCountedTwice();
        assertThat(with.wrongDatabase).as("reads of database 0's value").isZero();
        assertThat(with.service.agentLines("INFO"))
                .as("no pool is built or sized for a shared connection")
                .noneMatch(line -> line.contains(" pool 127.0.0.1:"));
        assertThat(with.service.warningsBesidesExhaustionReports())
                .as("%s", with.service)
                .isEmpty();
        assertThat(with.service.stdout() + with.service.stderr() + with.prometheus)
                .doesNotContain(ServiceUnderKills.PASSWORD)
                .doesNotContain(ServiceUnderKills.ADMIN_PASSWORD);
    }
}
