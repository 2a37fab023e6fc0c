package io.redispoolagent.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.harness.SpringBootService;
import io.redispoolagent.it.metrics.PrometheusText;
import io.redispoolagent.it.scenarios.PooledJedisRetryApp;
import io.redispoolagent.testsupport.redis.ConnectionKiller;
import io.redispoolagent.testsupport.redis.RedisServerProcess;
import io.redispoolagent.testsupport.redis.RespClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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

    private static final String USER = "spring-user-4b1";
    private static final String PASSWORD = "spring-pass-8e2";
    private static final String ADMIN_PASSWORD = "admin-pass-a70";
    private static final long LOAD_MILLIS = 6_000;
    private static final long KILL_EVERY_MILLIS = 20;

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer(
            "--requirepass", ADMIN_PASSWORD, "--user", USER, "on", ">" + PASSWORD, "~*", "&*", "+@all");

    @Test
    void restCallersSeeNoErrorAndNoOtherDatabaseUnderConnectionKillsAndNoHitIsCountedTwice() throws Exception {
        Load without = underKills(false);
        Load with = underKills(true);
        System.out.printf(
                "Spring Boot 3.5 + Jedis (JedisConnectionFactory, pooled), CLIENT KILL every %d ms:"
                        + " without agent %s; with agent %s%n",
                KILL_EVERY_MILLIS, without, with);

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
        for (Load load : new Load[] {without, with}) {
            assertThat(load.service.stdout() + load.service.stderr() + load.prometheus)
                    .as("the service's output")
                    .doesNotContain(PASSWORD)
                    .doesNotContain(USER)
                    .doesNotContain(ADMIN_PASSWORD);
        }
    }

    private static Load underKills(boolean agent) throws Exception {
        RedisServerProcess server = redis.server();
        PooledJedisRetryApp.seed(server.host(), server.port(), ADMIN_PASSWORD, 3);
        Load load = new Load();
        try (SpringBootService service = SpringBootService.start(
                jvm -> agent
                        ? jvm.withAgent()
                                .systemProperty("redis.pool.env", "production")
                                .systemProperty("otel.metrics.exporter", "none")
                        : jvm,
                "--spring.data.redis.client-type=jedis",
                "--spring.data.redis.url=redis://" + USER + ":" + PASSWORD + "@" + server.host() + ":" + server.port()
                        + "/3")) {
            AtomicLong killed = new AtomicLong();
            long end = System.nanoTime() + LOAD_MILLIS * 1_000_000L;
            Thread killer = new Thread(() -> killUntil(end, killed), "client-killer");
            killer.start();
            while (System.nanoTime() < end) {
                load.read(service);
                load.increment(service);
            }
            killer.join();
            load.killed = killed.get();
            load.counter = counter(server);
            load.prometheus = service.get("/actuator/prometheus").body();
            load.service = service.stop();
        }
        return load;
    }

    private static void killUntil(long end, AtomicLong killed) {
        RedisServerProcess server = redis.server();
        try (ConnectionKiller killer = new ConnectionKiller(server.host(), server.port(), ADMIN_PASSWORD)) {
            while (System.nanoTime() < end) {
                Thread.sleep(KILL_EVERY_MILLIS);
                killed.addAndGet(killer.killRound());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the killer stopped: " + e, e);
        }
    }

    private static long counter(RedisServerProcess server) throws IOException {
        try (RespClient admin = new RespClient(server.host(), server.port())) {
            admin.call("AUTH", ADMIN_PASSWORD);
            admin.call("SELECT", "3");
            Object value = admin.call("GET", "counter");
            return value == null ? 0 : Long.parseLong(String.valueOf(value));
        }
    }

    /** What the service's callers saw over one run. */
    private static final class Load {
        long reads;
        long readErrors;
        long wrongDatabase;
        long incrAcked;
        long incrErrors;
        long killed;
        long counter;
        String prometheus = "";
        ChildJvm.Result service;

        void read(SpringBootService service) {
            try {
                HttpResponse<String> response = service.get("/values/k");
                if (response.statusCode() != 200) {
                    readErrors++;
                    return;
                }
                reads++;
                if (PooledJedisRetryApp.WRONG.equals(response.body())) {
                    wrongDatabase++;
                }
            } catch (IOException e) {
                readErrors++;
            }
        }

        void increment(SpringBootService service) {
            try {
                HttpResponse<String> response = service.post("/counters/counter");
                if (response.statusCode() == 200) {
                    incrAcked++;
                } else {
                    incrErrors++;
                }
            } catch (IOException e) {
                incrErrors++;
            }
        }

        /** The agent's retry outcomes for the pool, as Actuator's Prometheus endpoint shows them. */
        double retries(Map<String, String> pool, String outcome) {
            Map<String, String> labels = new HashMap<>(pool);
            labels.put("redis_pool_agent_retry_outcome", outcome);
            return new PrometheusText(prometheus).value("redis_pool_agent_retries_total", labels);
        }

        /** Each acknowledged hit is on the server once; a failed one at most once. */
        void assertNeverCountedTwice() {
            assertThat(counter).as("counter >= acknowledged hits\n%s", this).isGreaterThanOrEqualTo(incrAcked);
            assertThat(counter)
                    .as("counter <= acknowledged + failed hits\n%s", this)
                    .isLessThanOrEqualTo(incrAcked + incrErrors);
        }

        @Override
        public String toString() {
            return reads + " reads, " + readErrors + " read errors, " + wrongDatabase + " from database 0; "
                    + incrAcked + " hits counted, " + incrErrors + " failed, server counter " + counter + "; "
                    + killed + " connections killed";
        }
    }
}
