package io.redispoolagent.it.scenarios;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Drives a JedisPool into exhaustion the same way for every scenario that needs one. Runs on Jedis 3 to 8. */
final class JedisExhaustion {

    private JedisExhaustion() {
    }

    /** Borrows {@code count} connections and PINGs on each; the caller closes them when done. */
    static List<Jedis> hold(JedisPool pool, int count) {
        List<Jedis> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Jedis jedis = pool.getResource();
            jedis.ping();
            connections.add(jedis);
        }
        return connections;
    }

    /** Makes {@code attempts} borrows of an exhausted pool; returns how many failed (all, if it stays exhausted). */
    static int timeOut(JedisPool pool, int attempts) {
        int failed = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                pool.getResource().close();
                System.out.println("unexpected: borrow " + i + " succeeded");
            } catch (RuntimeException exhausted) {
                failed++;
            }
        }
        return failed;
    }
}
