package io.redispoolagent.it.scenarios;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.Protocol;

/**
 * An idempotent load (SET and GET on a few shared keys, several threads) through a {@code JedisSentineled}
 * (Jedis 4–7; the test runs it on 5.2.0), or through the {@code Jedis} a {@code JedisSentinelPool} hands out
 * per command (Jedis 4–8), while the test kills the master. Records the
 * wall-clock time of every error the application sees, and the first moment the new master answers
 * through the client.
 *
 * <p>Arguments: sentinelHost:port masterName handshakeDir [threads] [afterMs] [capMs] [sentineled|pool].
 * Once the client is built and the load runs, the app writes {@code ready} (holding 1: the client
 * subscribes once to the sentinel). A probe thread asks the server behind the client ({@code INFO
 * replication} plus {@code tcp_port}, through the client, every 5 ms) and notes the first answer from a
 * master on another port than the one at start. The load then goes on for {@code afterMs} (default
 * 2000) and stops; {@code capMs} (default 20000) stops it if no new master ever answers. Prints:
 * <pre>
 * START &lt;epochMs&gt; oldMaster=&lt;port&gt;
 * ERROR &lt;epochMs&gt; &lt;thread&gt; &lt;exception&gt;: &lt;message&gt; [&lt;- cause...]   one per error the application saw
 * NEWMASTER &lt;epochMs&gt; port=&lt;port&gt;                                    first answer of the new master (absent if none)
 * PROBEERROR &lt;epochMs&gt; &lt;exception&gt;                                      the probe's own failures (not counted)
 * RESULT calls=&lt;n&gt; errors=&lt;n&gt; start=&lt;epochMs&gt; end=&lt;epochMs&gt;
 * RETRY ...                                                              the agent's retry counters
 * </pre>
 */
public final class SentinelFailoverLoadApp {

    private static final String[] KEYS = {"fo:a", "fo:b", "fo:c", "fo:d"};

    private SentinelFailoverLoadApp() {}

    public static void main(String[] args) throws Exception {
        String sentinel = args[0];
        String masterName = args[1];
        Path handshake = Paths.get(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        long afterMs = args.length > 4 ? Long.parseLong(args[4]) : 2000;
        long capMs = args.length > 5 ? Long.parseLong(args[5]) : 20_000;

        int colon = sentinel.lastIndexOf(':');
        HostAndPort sentinelAddress =
                new HostAndPort(sentinel.substring(0, colon), Integer.parseInt(sentinel.substring(colon + 1)));
        JedisClientConfig config = DefaultJedisClientConfig.builder().build();
        Client client = "pool".equals(args.length > 6 ? args[6] : "sentineled")
                ? new PooledClient(
                        new JedisSentinelPool(masterName, Collections.singleton(sentinelAddress), config, config))
                : new SentineledClient(masterName, sentinelAddress, config);
        int oldMaster = client.currentMasterPort();

        LongAdder calls = new LongAdder();
        LongAdder errors = new LongAdder();
        Queue<String> errorLines = new ConcurrentLinkedQueue<>();
        AtomicLong newMasterAt = new AtomicLong();
        AtomicLong newMasterPort = new AtomicLong();
        long start = System.currentTimeMillis();
        long[] stopAt = {start + capMs};
        Object stopLock = new Object();

        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(
                    () -> {
                        long n = 0;
                        while (System.currentTimeMillis() < stopAt(stopLock, stopAt)) {
                            String key = KEYS[(int) (n % KEYS.length)];
                            try {
                                if ((n & 1) == 0) {
                                    client.set(key, "v" + id + "-" + n);
                                } else {
                                    client.get(key);
                                }
                            } catch (RuntimeException e) {
                                errors.increment();
                                errorLines.add(
                                        "ERROR " + System.currentTimeMillis() + " worker-" + id + " " + describe(e));
                            }
                            calls.increment();
                            n++;
                        }
                    },
                    "worker-" + t);
            workers[t].start();
        }

        Thread probe = new Thread(
                () -> {
                    while (System.currentTimeMillis() < stopAt(stopLock, stopAt)) {
                        try {
                            String info = client.info();
                            int port = Integer.parseInt(field(info, "tcp_port"));
                            if (port != oldMaster && "master".equals(field(info, "role"))) {
                                newMasterAt.set(System.currentTimeMillis());
                                newMasterPort.set(port);
                                synchronized (stopLock) {
                                    stopAt[0] = Math.min(stopAt[0], newMasterAt.get() + afterMs);
                                }
                                return;
                            }
                        } catch (RuntimeException e) {
                            System.out.println("PROBEERROR " + System.currentTimeMillis() + " " + describe(e));
                        }
                        sleep(5);
                    }
                },
                "probe");
        probe.start();

        writeAtomically(handshake.resolve("ready"), "1");
        for (Thread worker : workers) {
            worker.join();
        }
        probe.join();
        long end = System.currentTimeMillis();

        System.out.println("START " + start + " oldMaster=" + oldMaster);
        List<String> sorted = new java.util.ArrayList<>(errorLines);
        sorted.sort(null);
        sorted.forEach(System.out::println);
        if (newMasterAt.get() != 0) {
            System.out.println("NEWMASTER " + newMasterAt.get() + " port=" + newMasterPort.get());
        }
        System.out.println(
                "RESULT calls=" + calls.sum() + " errors=" + errors.sum() + " start=" + start + " end=" + end);
        RetryWorkloadApp.printRetryStats();
        System.out.flush();
        client.close();
    }

    /** The commands the load and the probe send, on either client. */
    private interface Client extends AutoCloseable {
        void set(String key, String value);

        void get(String key);

        String info();

        int currentMasterPort();

        @Override
        void close();
    }

    /** A class of its own, built from names only: Jedis 8 has no {@code JedisSentineled}, and the verifier of a class naming it in code would load it. */
    private static final class SentineledClient implements Client {
        private final JedisSentineled client;

        SentineledClient(String masterName, HostAndPort sentinel, JedisClientConfig config) {
            this.client = new JedisSentineled(masterName, config, Collections.singleton(sentinel), config);
        }

        @Override
        public void set(String key, String value) {
            client.set(key, value);
        }

        @Override
        public void get(String key) {
            client.get(key);
        }

        @Override
        public int currentMasterPort() {
            return client.getCurrentMaster().getPort();
        }

        @Override
        public void close() {
            client.close();
        }

        @Override
        public String info() {
            Object reply = client.sendCommand(Protocol.Command.INFO);
            return reply instanceof byte[] ? new String((byte[]) reply, StandardCharsets.UTF_8) : String.valueOf(reply);
        }
    }

    /** {@code try (Jedis jedis = pool.getResource())} per command: the legacy path. */
    private static final class PooledClient implements Client {
        private final JedisSentinelPool pool;

        PooledClient(JedisSentinelPool pool) {
            this.pool = pool;
        }

        @Override
        public void set(String key, String value) {
            try (Jedis jedis = pool.getResource()) {
                jedis.set(key, value);
            }
        }

        @Override
        public void get(String key) {
            try (Jedis jedis = pool.getResource()) {
                jedis.get(key);
            }
        }

        @Override
        public String info() {
            try (Jedis jedis = pool.getResource()) {
                return jedis.info("all");
            }
        }

        @Override
        public int currentMasterPort() {
            return pool.getCurrentHostMaster().getPort();
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    private static long stopAt(Object lock, long[] stopAt) {
        synchronized (lock) {
            return stopAt[0];
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return text.toString().replace('\n', ' ');
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "?";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeAtomically(Path file, String content) throws Exception {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, content.getBytes(StandardCharsets.UTF_8));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
