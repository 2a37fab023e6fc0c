package io.redispoolagent.it.scenarios;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Two {@code JedisPool}s to one {@code host:port/0}, which the agent exports as one series, both under
 * load; one is closed while its threads are still borrowing, the other goes on. Meanwhile the app scrapes
 * its own Micrometer registry (a {@link PrometheusMeterRegistry} in {@code Metrics.globalRegistry}) and
 * the agent's OpenTelemetry Prometheus endpoint every {@code scrapeEveryMs}. Arguments are {@code
 * key=value}: {@code host}, {@code port}, {@code otelPort}, {@code phaseMs} (the load before and after the
 * close), {@code threads} (per pool), {@code holdMs} (how long each borrow keeps its connection).
 *
 * <p>Prints each scrape between {@code --- <source> <n> ---} and {@code --- end ---} ({@code source} is
 * {@code micrometer} or {@code otel}), a line {@code CLOSED} when the pool is closed, and {@code RESULT
 * borrows=N failures=N}.
 */
public final class SameNamedPoolsApp {

    private SameNamedPoolsApp() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = ScenarioArgs.parse(argv);
        String host = args.get("host");
        int port = Integer.parseInt(args.get("port"));
        URL otel = new URL("http://127.0.0.1:" + args.get("otelPort") + "/metrics");
        long phaseMs = Long.parseLong(args.getOrDefault("phaseMs", "1500"));
        int threads = Integer.parseInt(args.getOrDefault("threads", "3"));
        long holdMs = Long.parseLong(args.getOrDefault("holdMs", "30"));
        long scrapeEveryMs = Long.parseLong(args.getOrDefault("scrapeEveryMs", "150"));

        PrometheusMeterRegistry micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(micrometer);
        JedisPool staying = new JedisPool(host, port);
        JedisPool closing = new JedisPool(host, port);
        LongAdder borrows = new LongAdder();
        LongAdder failures = new LongAdder();
        AtomicBoolean stayingRuns = new AtomicBoolean(true);
        AtomicBoolean closingRuns = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            load.add(borrower(staying, stayingRuns, holdMs, borrows, failures));
            load.add(borrower(closing, closingRuns, holdMs, borrows, failures));
        }
        AtomicBoolean scraping = new AtomicBoolean(true);
        Thread scraper = new Thread(
                () -> {
                    for (int n = 0; scraping.get(); n++) {
                        print("micrometer " + n, micrometer.scrape());
                        print("otel " + n, fetch(otel));
                        sleep(scrapeEveryMs);
                    }
                },
                "scraper");
        load.forEach(Thread::start);
        scraper.start();

        Thread.sleep(phaseMs);
        closing.close();
        System.out.println("CLOSED");
        Thread.sleep(100);
        closingRuns.set(false);
        Thread.sleep(phaseMs);
        stayingRuns.set(false);
        for (Thread thread : load) {
            thread.join();
        }
        Thread.sleep(2 * scrapeEveryMs);
        scraping.set(false);
        scraper.join();
        staying.close();
        System.out.println("RESULT borrows=" + borrows.sum() + " failures=" + failures.sum());
    }

    private static Thread borrower(
            JedisPool pool, AtomicBoolean runs, long holdMs, LongAdder borrows, LongAdder failures) {
        return new Thread(
                () -> {
                    while (runs.get()) {
                        try (Jedis jedis = pool.getResource()) {
                            borrows.increment();
                            jedis.get("k");
                            sleep(holdMs);
                        } catch (RuntimeException exhaustedOrClosed) {
                            failures.increment();
                        }
                    }
                },
                "load");
    }

    private static synchronized void print(String header, String scrape) {
        System.out.println("--- " + header + " ---");
        System.out.print(scrape);
        System.out.println("--- end ---");
    }

    private static String fetch(URL url) {
        try {
            HttpURLConnection http = (HttpURLConnection) url.openConnection();
            try (InputStream body = http.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException unavailable) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
