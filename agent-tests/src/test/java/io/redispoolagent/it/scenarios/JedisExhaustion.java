package io.redispoolagent.it.scenarios;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Drives a JedisPool into exhaustion the same way for every scenario that needs one. Runs on Jedis 3 to 8.
 *
 * <p>Each borrow is timed from outside its {@code getResource()} call and printed, as
 * {@code borrowed in <nanos> ns} or {@code timed out after <nanos> ns}: the agent times the borrow inside
 * that call, so no wait it records for it can be longer (see {@code ExhaustedJedisPool.Borrows}).
 */
final class JedisExhaustion {

    private JedisExhaustion() {}

    /**
     * Opens {@code count} connections, then borrows them and PINGs on each; the caller closes them when done.
     * The connections are opened before the borrows (opening one is not a borrow) so that each borrow takes an
     * idle one: its wait is the pool's own, not a TCP connect and handshake that a busy machine makes slow.
     */
    static List<Jedis> hold(JedisPool pool, int count) {
        pool.addObjects(count);
        List<Jedis> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Jedis jedis = pool.getResource();
            long took = System.nanoTime() - start;
            System.out.println("borrowed in " + took + " ns");
            jedis.ping();
            connections.add(jedis);
        }
        return connections;
    }

    /** Makes {@code attempts} borrows of an exhausted pool; returns how many failed (all, if it stays exhausted). */
    static int timeOut(JedisPool pool, int attempts) {
        int failed = 0;
        for (int i = 0; i < attempts; i++) {
            long start = System.nanoTime();
            try {
                pool.getResource().close();
                System.out.println("unexpected: borrow " + i + " succeeded");
            } catch (RuntimeException exhausted) {
                long took = System.nanoTime() - start;
                System.out.println("timed out after " + took + " ns");
                failed++;
            }
        }
        return failed;
    }
}
