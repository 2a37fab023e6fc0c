package io.redispoolagent.it.scenarios;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * An application with Micrometer: a {@link PrometheusMeterRegistry} in {@code Metrics.globalRegistry}
 * (as Spring Boot Actuator sets it up), and a JedisPool it exhausts.
 *
 * <p>Arguments: {@code <host> <port> <held> <timeouts>}. Borrows {@code held} connections, makes
 * {@code timeouts} more borrows that time out, then scrapes its own registry until the pool's timeouts
 * appear there (at most 10 s) and prints that scrape between {@code --- scrape ---} and {@code --- end ---}.
 */
public final class MicrometerJedisApp {

    private MicrometerJedisApp() {
    }

    public static void main(String[] args) throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(prometheus);
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int held = Integer.parseInt(args[2]);
        int timeouts = Integer.parseInt(args[3]);
        List<Jedis> connections = new ArrayList<>();
        try (JedisPool pool = new JedisPool(host, port)) {
            for (int i = 0; i < held; i++) {
                Jedis jedis = pool.getResource();
                jedis.ping();
                connections.add(jedis);
            }
            int failed = 0;
            for (int i = 0; i < timeouts; i++) {
                try {
                    pool.getResource().close();
                } catch (RuntimeException exhausted) {
                    failed++;
                }
            }
            System.out.println("timed out " + failed);
            String scrape = prometheus.scrape();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!scrape.contains("db_client_connection_timeouts_total") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                scrape = prometheus.scrape();
            }
            System.out.println("--- scrape ---");
            System.out.print(scrape);
            System.out.println("--- end ---");
            connections.forEach(Jedis::close);
        }
        System.out.println("DONE");
    }
}
