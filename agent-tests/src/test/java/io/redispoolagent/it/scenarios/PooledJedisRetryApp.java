package io.redispoolagent.it.scenarios;

import io.redispoolagent.testsupport.net.FaultProxy;
import io.redispoolagent.testsupport.redis.ConnectionKiller;
import io.redispoolagent.testsupport.redis.RespClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The legacy path on Jedis 4–8: a {@code JedisPool} built from {@code redis://USER:PASSWORD@host:port/DB}
 * (an ACL user on a server with {@code requirepass}), {@code try (Jedis jedis = pool.getResource())} per
 * command, GET of a key whose value differs between database 0 and {@code db}, then INCR, under a
 * fault. Arguments are {@code key=value}: {@code host}, {@code port}, {@code user}, {@code password},
 * {@code adminPassword} (the default user's), {@code db} (3); {@code fault=none|kill|reset|restart}
 * (a {@link ConnectionKiller} round every {@code every} ms; a {@link FaultProxy#resetRound()} of a proxy
 * in front of the server every {@code every} ms; a restart done by the test once {@code startedFile} exists), {@code
 * durationMs}, {@code threads}. Prints {@code RESULT} with {@code reads}, {@code readErrors}, {@code
 * wrongDatabase} (a read that saw database 0's value), {@code incrAcked}, {@code incrErrors} and {@code
 * counter} (the server's value), the errors by class, and the agent's retry counters; with {@code
 * fetch=url|url...}, then each URL's body (the agent's status view, its Prometheus endpoint) after a
 * {@code FETCHED <url> <status>} line.
 */
public final class PooledJedisRetryApp {

    public static final String RIGHT = "value-of-the-configured-database";
    public static final String WRONG = "value-of-database-0";

    private static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();

    private PooledJedisRetryApp() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = ScenarioArgs.parse(argv);
        String host = args.get("host");
        int redisPort = Integer.parseInt(args.get("port"));
        String adminPassword = args.get("adminPassword");
        int db = Integer.parseInt(args.getOrDefault("db", "3"));
        String fault = args.getOrDefault("fault", "none");
        long every = Long.parseLong(args.getOrDefault("every", "20"));
        long durationMs = Long.parseLong(args.getOrDefault("durationMs", "6000"));
        int threads = Integer.parseInt(args.getOrDefault("threads", "1"));

        seed(host, redisPort, adminPassword, db);
        FaultProxy proxy = "reset".equals(fault) ? new FaultProxy(host, redisPort) : null;
        int port = proxy != null ? proxy.port() : redisPort;
        JedisPool pool = new JedisPool(URI.create(
                "redis://" + args.get("user") + ":" + args.get("password") + "@" + host + ":" + port + "/" + db));

        LongAdder reads = new LongAdder();
        LongAdder readErrors = new LongAdder();
        LongAdder wrongDatabase = new LongAdder();
        LongAdder incrAcked = new LongAdder();
        LongAdder incrErrors = new LongAdder();
        long end = System.nanoTime() + durationMs * 1_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            try (Jedis jedis = pool.getResource()) {
                                String value = jedis.get("k");
                                reads.increment();
                                if (WRONG.equals(value)) {
                                    wrongDatabase.increment();
                                }
                            } catch (RuntimeException e) {
                                readErrors.increment();
                                record(e);
                            }
                            try (Jedis jedis = pool.getResource()) {
                                jedis.incr("counter");
                                incrAcked.increment();
                            } catch (RuntimeException e) {
                                incrErrors.increment();
                                record(e);
                            }
                        }
                    },
                    "load-" + t);
            workers[t].start();
        }

        LongAdder injected = new LongAdder();
        Thread injector = new Thread(
                () -> {
                    try (ConnectionKiller killer =
                            "kill".equals(fault) ? new ConnectionKiller(host, redisPort, adminPassword) : null) {
                        if ("restart".equals(fault)) {
                            Thread.sleep(300);
                            Files.write(Path.of(args.get("startedFile")), new byte[0]);
                            return;
                        }
                        while (!"none".equals(fault) && System.nanoTime() < end - 200_000_000L) {
                            Thread.sleep(every);
                            if (killer != null) {
                                injected.add(killer.killRound());
                            } else {
                                injected.add(proxy.resetRound());
                            }
                        }
                    } catch (Exception e) {
                        System.out.println("INJECTOR FAILED " + e);
                    }
                },
                "fault");
        injector.start();
        for (Thread worker : workers) {
            worker.join();
        }
        injector.join();

        long counter;
        try (RespClient admin = admin(host, redisPort, adminPassword)) {
            admin.call("SELECT", String.valueOf(db));
            Object value = admin.call("GET", "counter");
            counter = value == null ? 0 : Long.parseLong(String.valueOf(value));
        }
        System.out.println("RESULT reads=" + reads.sum() + " readErrors=" + readErrors.sum() + " wrongDatabase="
                + wrongDatabase.sum() + " incrAcked=" + incrAcked.sum() + " incrErrors=" + incrErrors.sum()
                + " counter=" + counter + " injected=" + injected.sum());
        new TreeMap<>(ERRORS).forEach((name, count) -> System.out.println("ERROR " + count.sum() + " " + name));
        RetryWorkloadApp.printRetryStats();
        if (args.containsKey("fetch")) {
            for (String url : args.get("fetch").split("\\|")) {
                java.net.HttpURLConnection http = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
                System.out.println("FETCHED " + url + " " + http.getResponseCode());
                System.out.println(
                        new String(http.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        pool.close();
        if (proxy != null) {
            proxy.close();
        }
        System.out.flush();
        System.exit(0);
    }

    /** Database 0 and {@code db} hold different values under the same key. */
    public static void seed(String host, int port, String adminPassword, int db) throws Exception {
        try (RespClient admin = admin(host, port, adminPassword)) {
            admin.call("FLUSHALL");
            admin.call("SET", "k", WRONG);
            admin.call("SELECT", String.valueOf(db));
            admin.call("SET", "k", RIGHT);
        }
    }

    private static RespClient admin(String host, int port, String password) throws Exception {
        RespClient admin = new RespClient(host, port);
        admin.call("AUTH", password);
        return admin;
    }

    private static void record(RuntimeException e) {
        ERRORS.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), n -> new LongAdder())
                .increment();
    }
}
