package io.redispoolagent.it.scenarios;

import io.redispoolagent.testsupport.net.FaultProxy;
import io.redispoolagent.testsupport.redis.ConnectionKiller;
import io.redispoolagent.testsupport.redis.RespClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Load on Jedis under a fault, for the retry tests. Arguments are {@code key=value}:
 * <ul>
 *   <li>{@code host}, {@code port}: the redis-server; {@code via=proxy|direct} (default proxy: a
 *       {@link FaultProxy} in this JVM in front of it);</li>
 *   <li>{@code api=unified|pool}: a Jedis 4–8 {@code UnifiedJedis}, or a {@code JedisPool} whose {@code
 *       Jedis} is borrowed per command (Jedis 3–8), see {@link WorkloadClient};</li>
 *   <li>{@code workload=idempotent|counter}: SET/GET/HSET/EXISTS on per-thread keys, or INCR
 *       {@code counter} / LPUSH {@code list};</li>
 *   <li>{@code fault=none|kill|reset|stall|outage|restart}: a {@link ConnectionKiller} round every {@code
 *       every} ms; a {@link FaultProxy#resetRound()} every {@code every} ms; the proxy stops forwarding for {@code stallMs}
 *       every {@code every} ms (with {@code timeoutMs}, the client's socket timeout, shorter than that,
 *       the commands in flight time out); proxy down ({@code outageMs}) after {@code outageAtMs}; or a
 *       restart done by the test ({@code startedFile} is written once load runs);</li>
 *   <li>{@code durationMs}, {@code threads}; {@code naive=true} wraps every call in the app's own
 *       retry-everything loop (4 attempts on any connection error) — the double-apply the check
 *       must catch.</li>
 * </ul>
 * Prints {@code RESULT key=value...}, the errors by class, and the agent's retry counters (read by
 * reflection when the agent is loaded).
 */
public final class RetryWorkloadApp {

    private static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();

    private RetryWorkloadApp() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = ScenarioArgs.parse(argv);
        String host = args.get("host");
        int redisPort = Integer.parseInt(args.get("port"));
        String workload = args.getOrDefault("workload", "idempotent");
        String fault = args.getOrDefault("fault", "none");
        long durationMs = Long.parseLong(args.getOrDefault("durationMs", "3000"));
        int threads = Integer.parseInt(args.getOrDefault("threads", "8"));
        long every = Long.parseLong(args.getOrDefault("every", "100"));
        boolean naive = Boolean.parseBoolean(args.getOrDefault("naive", "false"));
        boolean viaProxy = !"direct".equals(args.getOrDefault("via", "proxy"));

        RespClient.once(host, redisPort, "FLUSHALL");
        FaultProxy proxy = viaProxy ? new FaultProxy(host, redisPort) : null;
        int port = viaProxy ? proxy.port() : redisPort;
        WorkloadClient jedis = WorkloadClient.of(
                args.getOrDefault("api", "unified"), host, port, Integer.parseInt(args.getOrDefault("timeoutMs", "0")));

        if ("backoff".equals(workload)) {
            backoff(jedis, proxy, Integer.parseInt(args.getOrDefault("samples", "3")));
            return;
        }

        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder incrAcked = new LongAdder();
        LongAdder incrErrors = new LongAdder();
        LongAdder pushAcked = new LongAdder();
        LongAdder pushErrors = new LongAdder();
        AtomicLong upAtNanos = new AtomicLong();
        AtomicLong downAtNanos = new AtomicLong();
        AtomicLong firstSuccessAfterUp = new AtomicLong();
        AtomicLong maxFailNanos = new AtomicLong();
        LongAdder failedInOutage = new LongAdder();

        long start = System.nanoTime();
        long end = start + durationMs * 1_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(
                    () -> {
                        for (long i = 0; System.nanoTime() < end; i++) {
                            String key = "k:" + thread + ":" + (i % 64);
                            boolean incr = (i & 1) == 0;
                            long callStart = System.nanoTime();
                            try {
                                if ("counter".equals(workload)) {
                                    if (incr) {
                                        call(naive, () -> jedis.incr("counter"));
                                        incrAcked.increment();
                                    } else {
                                        call(naive, () -> jedis.lpush("list", "x"));
                                        pushAcked.increment();
                                    }
                                } else {
                                    switch ((int) (i % 4)) {
                                        case 0:
                                            call(naive, () -> jedis.set(key, "v" + thread));
                                            break;
                                        case 1:
                                            call(naive, () -> jedis.get(key));
                                            break;
                                        case 2:
                                            call(naive, () -> jedis.hset("h:" + thread, key, "v"));
                                            break;
                                        default:
                                            call(naive, () -> jedis.exists(key));
                                            break;
                                    }
                                }
                                ok.increment();
                                long up = upAtNanos.get();
                                if (up != 0 && callStart >= up) {
                                    firstSuccessAfterUp.compareAndSet(0, System.nanoTime() - up);
                                }
                            } catch (RuntimeException e) {
                                failed.increment();
                                if ("counter".equals(workload)) {
                                    (incr ? incrErrors : pushErrors).increment();
                                }
                                long took = System.nanoTime() - callStart;
                                maxFailNanos.accumulateAndGet(took, Math::max);
                                if (downAtNanos.get() != 0 && upAtNanos.get() == 0) {
                                    failedInOutage.increment();
                                }
                                String name = e.getClass().getSimpleName() + ": " + e.getMessage();
                                ERRORS.computeIfAbsent(name, n -> new LongAdder())
                                        .increment();
                            }
                        }
                    },
                    "load-" + t);
            workers[t].start();
        }

        LongAdder kills = new LongAdder();
        Thread injector = new Thread(
                () -> {
                    try {
                        if ("outage".equals(fault)) {
                            Thread.sleep(Long.parseLong(args.getOrDefault("outageAtMs", "1000")));
                            downAtNanos.set(System.nanoTime());
                            proxy.down();
                            Thread.sleep(Long.parseLong(args.getOrDefault("outageMs", "5000")));
                            proxy.up();
                            upAtNanos.set(System.nanoTime());
                            return;
                        }
                        if ("restart".equals(fault)) {
                            Thread.sleep(300);
                            Files.write(Path.of(args.get("startedFile")), new byte[0]);
                            return;
                        }
                        try (ConnectionKiller killer =
                                "kill".equals(fault) ? new ConnectionKiller(host, redisPort, null) : null) {
                            while (System.nanoTime() < end - 200_000_000L) {
                                Thread.sleep(every);
                                if ("kill".equals(fault)) {
                                    kills.add(killer.killRound());
                                } else if ("reset".equals(fault)) {
                                    kills.add(proxy.resetRound());
                                } else if ("stall".equals(fault)) {
                                    kills.increment();
                                    proxy.stall(true);
                                    Thread.sleep(Long.parseLong(args.getOrDefault("stallMs", "250")));
                                    proxy.stall(false);
                                }
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

        StringBuilder result = new StringBuilder("RESULT");
        result.append(" ok=")
                .append(ok.sum())
                .append(" errors=")
                .append(failed.sum())
                .append(" injected=")
                .append(kills.sum());
        if ("counter".equals(workload)) {
            long counter = Long.parseLong(String.valueOf(RespClient.once(host, redisPort, "GET", "counter")));
            long length = (Long) RespClient.once(host, redisPort, "LLEN", "list");
            result.append(" incrAcked=")
                    .append(incrAcked.sum())
                    .append(" incrErrors=")
                    .append(incrErrors.sum())
                    .append(" counter=")
                    .append(counter)
                    .append(" pushAcked=")
                    .append(pushAcked.sum())
                    .append(" pushErrors=")
                    .append(pushErrors.sum())
                    .append(" llen=")
                    .append(length);
        }
        if ("outage".equals(fault)) {
            result.append(" failedInOutage=")
                    .append(failedInOutage.sum())
                    .append(" maxFailMs=")
                    .append(maxFailNanos.get() / 1_000_000)
                    .append(" recoveryMs=")
                    .append(firstSuccessAfterUp.get() / 1_000_000);
        }
        System.out.println(result);
        new TreeMap<>(ERRORS).forEach((name, count) -> System.out.println("ERROR " + count.sum() + " " + name));
        printRetryStats();
        jedis.close();
        if (proxy != null) {
            proxy.close();
        }
        System.out.flush();
        System.exit(0);
    }

    /**
     * The proxy accepts each connection and resets it at once, so every attempt of a GET fails; the
     * accept times of one GET's attempts show the pauses between them (BACKOFF d1 d2 d3, in ms).
     */
    private static void backoff(WorkloadClient jedis, FaultProxy proxy, int samples) throws Exception {
        proxy.rejectNew(true);
        for (int sample = 0; sample < samples; sample++) {
            proxy.resetAll();
            int before = proxy.acceptNanos().size();
            String outcome;
            try {
                jedis.get("x");
                outcome = "succeeded";
            } catch (RuntimeException e) {
                outcome = e.getClass().getSimpleName();
            }
            List<Long> accepts =
                    proxy.acceptNanos().subList(before, proxy.acceptNanos().size());
            StringBuilder line =
                    new StringBuilder("BACKOFF attempts=" + accepts.size() + " outcome=" + outcome + " gaps=");
            for (int i = 1; i < accepts.size(); i++) {
                line.append(i > 1 ? "," : "")
                        .append(String.format(
                                java.util.Locale.ROOT, "%.2f", (accepts.get(i) - accepts.get(i - 1)) / 1e6));
            }
            System.out.println(line);
            Thread.sleep(300);
        }
        printRetryStats();
        System.out.flush();
        System.exit(0);
    }

    private static <T> T call(boolean naive, Supplier<T> command) {
        if (!naive) {
            return command.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (attempt == 4 || !e.getClass().getSimpleName().equals("JedisConnectionException")) {
                    throw e;
                }
            }
        }
    }

    /** The agent's retry counters per pool (RETRY pool=... retried=...), when the agent is loaded. */
    static void printRetryStats() {
        try {
            for (Object record : AgentInternals.pools()) {
                Object identity = AgentInternals.call(record, "identity");
                System.out.println("RETRY pool=" + AgentInternals.call(identity, "name") + " "
                        + format(AgentInternals.retryCounts(record)));
            }
            System.out.println("RETRY pool=(fallback) " + format(AgentInternals.unpooledRetryCounts()));
        } catch (ClassNotFoundException noAgent) {
            System.out.println("RETRY none (no agent)");
        } catch (Exception e) {
            System.out.println("RETRY unreadable " + e);
        }
    }

    private static String format(Map<Object, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((outcome, count) -> text.append(outcome.toString().toLowerCase())
                .append('=')
                .append(count)
                .append(' '));
        return text.toString().trim();
    }
}
