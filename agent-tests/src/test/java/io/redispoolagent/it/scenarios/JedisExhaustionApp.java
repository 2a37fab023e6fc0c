package io.redispoolagent.it.scenarios;

import java.nio.file.Path;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Exhausts a JedisPool and keeps it exhausted until the test has looked at its metrics.
 *
 * <p>Arguments: {@code <host> <port> <held> <timeouts> <release-file>}. Builds a JedisPool with the
 * library's defaults (the agent sizes it: run with {@code -Dredis.pool.maxTotal=<held>} and a short
 * {@code redis.pool.maxWait}), opens {@code held} connections, borrows them and PINGs on each, then makes
 * {@code timeouts} more borrows that each time out (printing how long each borrow took, see
 * {@link JedisExhaustion}), prints {@code READY}, and holds every connection until {@code release-file}
 * exists (at most 30 s). Runs on Jedis 3 to 8.
 */
public final class JedisExhaustionApp {

    private JedisExhaustionApp() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int held = Integer.parseInt(args[2]);
        int timeouts = Integer.parseInt(args[3]);
        Path release = Path.of(args[4]);
        try (JedisPool pool = new JedisPool(host, port)) {
            List<Jedis> connections = JedisExhaustion.hold(pool, held);
            System.out.println("held " + connections.size());
            System.out.println("timed out " + JedisExhaustion.timeOut(pool, timeouts));
            System.out.println("READY");
            System.out.flush();
            AwaitRelease.await(release);
            connections.forEach(Jedis::close);
        }
        System.out.println("DONE");
    }
}
