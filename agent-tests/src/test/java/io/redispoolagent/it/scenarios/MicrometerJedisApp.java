package io.redispoolagent.it.scenarios;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * An application with Micrometer: a {@link PrometheusMeterRegistry} in {@code Metrics.globalRegistry}
 * (as Spring Boot Actuator sets it up), and a JedisPool it exhausts.
 *
 * <p>Arguments: {@code <host> <port> <held> <timeouts>}. Opens and borrows {@code held} connections, makes
 * {@code timeouts} more borrows that time out, then scrapes its own registry until the pool's timeouts
 * appear there (at most 10 s) and prints that scrape between {@code --- scrape ---} and {@code --- end ---}.
 */
public final class MicrometerJedisApp {

    private MicrometerJedisApp() {}

    public static void main(String[] args) throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(prometheus);
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int held = Integer.parseInt(args[2]);
        int timeouts = Integer.parseInt(args[3]);
        try (JedisPool pool = new JedisPool(host, port)) {
            List<Jedis> connections = JedisExhaustion.hold(pool, held);
            System.out.println("timed out " + JedisExhaustion.timeOut(pool, timeouts));
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
