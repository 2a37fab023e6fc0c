package io.redispoolagent.it.scenarios;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lettuce's own at-least-once replay under connection resets: INCR from {@code threads} threads on one
 * shared connection (autoReconnect on, the default) while a {@link FaultProxy} resets every connection
 * every {@code every} ms. Prints {@code RESULT incrAcked= incrErrors= counter=}: a counter above
 * acknowledged + errors means Lettuce re-sent a command Redis had already executed. The agent does not
 * retry Lettuce commands, so it must not change this. Arguments: host port durationMs threads every.
 */
public final class LettuceReplayApp {

    private LettuceReplayApp() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long durationMs = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);
        long every = Long.parseLong(args[4]);
        RespClient.once(host, port, "FLUSHALL");
        FaultProxy proxy = new FaultProxy(host, port);
        RedisClient client = RedisClient.create("redis://" + host + ":" + proxy.port());
        StatefulRedisConnection<String, String> connection = client.connect();
        connection.setTimeout(Duration.ofSeconds(5));
        RedisCommands<String, String> sync = connection.sync();
        LongAdder acked = new LongAdder();
        LongAdder errors = new LongAdder();
        long end = System.nanoTime() + durationMs * 1_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        sync.incr("counter");
                        acked.increment();
                    } catch (RuntimeException e) {
                        errors.increment();
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
        System.out.println("RESULT incrAcked=" + acked.sum() + " incrErrors=" + errors.sum() + " counter=" + counter
                + " resets=" + resets);
        RetryWorkloadApp.printRetryStats();
        connection.close();
        client.shutdown();
        proxy.close();
        System.exit(0);
    }
}
