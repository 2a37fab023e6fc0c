package io.redispoolagent.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Spring Boot 3.5 service as its users run it: {@code spring-boot-starter-data-redis} with Jedis
 * ({@code JedisConnectionFactory}, pooled, Boot's Jedis 6.0), its REST endpoints reading a key and counting
 * hits, connected through {@code spring.data.redis.url} with an ACL user, a password and database 3, while
 * the test kills every client connection every 20 ms. With the agent its callers see no error and never
 * database 0's value; without it they see errors, in the same test.
 */
class SpringBootJedisRetryTest {

    @RegisterExtension
    static final RedisExtension redis = ServiceUnderKills.aclServer();

    @Test
    void restCallersSeeNoErrorAndNoOtherDatabaseUnderConnectionKillsAndNoHitIsCountedTwice() throws Exception {
        ServiceUnderKills without = underKills(false);
        ServiceUnderKills with = underKills(true);
        System.out.printf(
                "Spring Boot 3.5 + Jedis (JedisConnectionFactory, pooled), CLIENT KILL every %d ms:"
                        + " without agent %s; with agent %s%n",
                ServiceUnderKills.KILL_EVERY_MILLIS, without, with);

        assertThat(without.readErrors)
                .as("errors without the agent (the kills reach the service)\n%s", without)
                .isPositive();
        assertThat(with.readErrors)
                .as("errors with the agent\n%s", with.service)
                .isZero();
        String port = String.valueOf(redis.server().port());
        Map<String, String> pool = Map.of("db_client_connection_pool_name", "127.0.0.1:" + port + "/3");
        assertThat(with.retries(pool, "recovered"))
                .as("reads recovered by a retry")
                .isPositive();
        assertThat((double) with.incrErrors)
                .as(
                        "the only failed hits are INCRs broken after they were sent" + " (not re-sent)\n%s",
                        with.prometheus)
                .isLessThanOrEqualTo(with.retries(pool, "not_safe"));
        assertThat(with.wrongDatabase)
                .as("reads of database 0's value\n%s", with.service)
                .isZero();
        without.assertNeverCountedTwice();
        with.assertNeverCountedTwice();
        assertThat(with.service.agentLines("INFO"))
                .as("the pool is named by endpoint and sized")
                .anyMatch(line -> line.contains("pool 127.0.0.1:" + port + "/3 (jedis JedisPool): maxTotal 8 -> 160"));
        assertThat(with.prometheus)
                .as("Actuator's Prometheus endpoint")
                .contains("db_client_connection_max{db_client_connection_pool_name=\"127.0.0.1:" + port + "/3\"")
                .contains("redis_pool_agent_retries_total{");
        for (ServiceUnderKills load : new ServiceUnderKills[] {without, with}) {
            assertThat(load.service.stdout() + load.service.stderr() + load.prometheus)
                    .as("the service's output")
                    .doesNotContain(ServiceUnderKills.PASSWORD)
                    .doesNotContain(ServiceUnderKills.USER)
                    .doesNotContain(ServiceUnderKills.ADMIN_PASSWORD);
        }
    }

    private static ServiceUnderKills underKills(boolean agent) throws Exception {
        RedisServerProcess server = redis.server();
        return ServiceUnderKills.run(
                server,
                jvm -> agent
                        ? jvm.withAgent()
                                .systemProperty("redis.pool.env", "production")
                                .systemProperty("otel.metrics.exporter", "none")
                        : jvm,
                "--spring.data.redis.client-type=jedis",
                ServiceUnderKills.url(server));
    }
}
