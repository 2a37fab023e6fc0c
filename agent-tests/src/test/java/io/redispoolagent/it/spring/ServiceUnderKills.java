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
import java.util.function.UnaryOperator;

/**
 * The Spring Boot service's REST callers over one run in which every client connection of database 3
 * is killed every 20 ms: reads of a seeded key, and hits counted by INCR. What they saw, what the server
 * counted, and what Actuator's Prometheus endpoint showed at the end.
 */
final class ServiceUnderKills {

    static final long LOAD_MILLIS = 6_000;
    static final long KILL_EVERY_MILLIS = 20;
    static final int DATABASE = 3;
    /** The service's ACL user and password, and the default user's password the test's own clients use. */
    static final String USER = "spring-user-4b1";

    static final String PASSWORD = "spring-pass-8e2";
    static final String ADMIN_PASSWORD = "admin-pass-a70";

    /** A redis-server with the service's ACL user; nothing connects without a password. */
    static RedisExtension aclServer() {
        return RedisExtension.oneServer(
                "--requirepass", ADMIN_PASSWORD, "--user", USER, "on", ">" + PASSWORD, "~*", "&*", "+@all");
    }

    /** {@code spring.data.redis.url} for the service's user on database {@value #DATABASE}. */
    static String url(RedisServerProcess server) {
        return "--spring.data.redis.url=redis://" + USER + ":" + PASSWORD + "@" + server.host() + ":" + server.port()
                + "/" + DATABASE;
    }

    long reads;
    long readErrors;
    long wrongDatabase;
    long incrAcked;
    long incrErrors;
    long killed;
    long counter;
    String prometheus = "";
    ChildJvm.Result service;

    /** Seeds the key, starts the service with {@code args}, and drives it under kills for {@value #LOAD_MILLIS} ms. */
    static ServiceUnderKills run(RedisServerProcess server, UnaryOperator<ChildJvm> jvm, String... args)
            throws Exception {
        PooledJedisRetryApp.seed(server.host(), server.port(), ADMIN_PASSWORD, DATABASE);
        ServiceUnderKills load = new ServiceUnderKills();
        try (SpringBootService service = SpringBootService.start(jvm, args)) {
            AtomicLong killed = new AtomicLong();
            long end = System.nanoTime() + LOAD_MILLIS * 1_000_000L;
            Thread killer = new Thread(() -> killUntil(server, end, killed), "client-killer");
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

    private static void killUntil(RedisServerProcess server, long end, AtomicLong killed) {
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
            admin.call("SELECT", String.valueOf(DATABASE));
            Object value = admin.call("GET", "counter");
            return value == null ? 0 : Long.parseLong(String.valueOf(value));
        }
    }

    private void read(SpringBootService service) {
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

    private void increment(SpringBootService service) {
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

    /** The agent's retry outcomes for a pool (empty name: commands of no pool), as Actuator shows them. */
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
