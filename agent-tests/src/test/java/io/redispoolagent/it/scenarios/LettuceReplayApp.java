package io.redispoolagent.it.scenarios;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redispoolagent.testsupport.net.FaultProxy;
import io.redispoolagent.testsupport.redis.RespClient;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lettuce's replay after a reconnect under connection resets: {@code threads} threads share one
 * connection (autoReconnect on, the default), each alternating INCR {@code counter} with SET of a key of
 * its own, while a {@link FaultProxy} resets every connection every {@code every} ms. Arguments: host
 * port durationMs threads every [api [scrapePort]], api = sync (default), async or reactive. With a
 * scrapePort, the app prints the agent's Prometheus endpoint on that port at the end, each line prefixed
 * {@code SCRAPE }. It builds no pool: the agent's telemetry must start from the connection's retry
 * outcomes alone.
 *
 * <p>Prints {@code RESULT incrAcked= incrErrors= counter= setAcked= setErrors= setFailedByAgent=
 * incrFailedByAgent=}: a counter above acknowledged + errors means an INCR Redis had executed was sent
 * again; the "failed by agent" counts are errors whose message names the agent.
 */
public final class LettuceReplayApp {

    private LettuceReplayApp() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long durationMs = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);
        long every = Long.parseLong(args[4]);
        String api = args.length > 5 ? args[5] : "sync";
        Integer scrapePort = args.length > 6 ? Integer.valueOf(args[6]) : null;
        RespClient.once(host, port, "FLUSHALL");
        FaultProxy proxy = new FaultProxy(host, port);
        RedisClient client = RedisClient.create("redis://" + host + ":" + proxy.port());
        StatefulRedisConnection<String, String> connection = client.connect();
        connection.setTimeout(Duration.ofSeconds(5));
        Counts incr = new Counts();
        Counts set = new Counts();
        long end = System.nanoTime() + durationMs * 1_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            String key = "k:" + t;
            workers[t] = new Thread(() -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                    if ((i & 1) == 0) {
                        incr.run(() -> call(connection, api, "incr", "counter", null));
                    } else {
                        set.run(() -> call(connection, api, "set", key, "v"));
                    }
                }
            });
            workers[t].start();
        }
        long resets = 0;
        while (System.nanoTime() < end - 300_000_000L) {
            Thread.sleep(every);
            proxy.resetAll();
            resets++;
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Thread.sleep(500);
        long counter = Long.parseLong(String.valueOf(RespClient.once(host, port, "GET", "counter")));
        System.out.println("RESULT incrAcked=" + incr.acked.sum() + " incrErrors=" + incr.errors.sum()
                + " counter=" + counter + " incrFailedByAgent=" + incr.byAgent.sum()
                + " setAcked=" + set.acked.sum() + " setErrors=" + set.errors.sum()
                + " setFailedByAgent=" + set.byAgent.sum() + " resets=" + resets);
        RetryWorkloadApp.printRetryStats();
        if (scrapePort != null) {
            printScrape(scrapePort);
        }
        connection.close();
        client.shutdown();
        proxy.close();
        System.exit(0);
    }

    /** The endpoint starts on the agent's telemetry thread, after the first retry outcome: waits for it. */
    private static void printScrape(int port) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpURLConnection http =
                    (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
            try (InputStream in = http.getInputStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    System.out.println("SCRAPE " + line);
                }
                return;
            } catch (java.net.ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private static Object call(
            StatefulRedisConnection<String, String> connection, String api, String command, String key, String value)
            throws Exception {
        boolean incr = "incr".equals(command);
        switch (api) {
            case "async":
                return (incr ? connection.async().incr(key) : connection.async().set(key, value))
                        .get(10, TimeUnit.SECONDS);
            case "reactive":
                return (incr
                                ? connection.reactive().incr(key)
                                : connection.reactive().set(key, value))
                        .block(Duration.ofSeconds(10));
            default:
                return incr ? connection.sync().incr(key) : connection.sync().set(key, value);
        }
    }

    private interface Command {
        Object run() throws Exception;
    }

    /** Acknowledged and failed calls of one command, and the failures that carry the agent's message. */
    private static final class Counts {
        final LongAdder acked = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder byAgent = new LongAdder();

        void run(Command command) {
            try {
                command.run();
                acked.increment();
            } catch (Exception e) {
                errors.increment();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (String.valueOf(t.getMessage()).contains("redis-pool-agent")) {
                        byAgent.increment();
                        break;
                    }
                }
            }
        }
    }
}
