package io.redispoolagent.it.scenarios;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A service already running with a default JedisPool when the agent is attached: it writes its pid to
 * the file given, then keeps borrowing (as a live service does) and prints the pool's maxTotal whenever
 * it changes. Exits 0 once the pool reports {@code expectedMaxTotal}, 1 after 30 s without.
 *
 * <p>Arguments: host port pidFile expectedMaxTotal.
 */
public final class AttachTargetApp {

    private AttachTargetApp() {}

    public static void main(String[] args) throws Exception {
        int expected = Integer.parseInt(args[3]);
        JedisPool pool = new JedisPool(args[0], Integer.parseInt(args[1]));
        Object genericPool = PoolSettingsPrinter.genericObjectPool(pool);
        try (Jedis jedis = pool.getResource()) {
            jedis.set("attach-target", "before attach");
        }
        int last = (Integer) PoolSettingsPrinter.call(genericPool, "getMaxTotal");
        System.out.println("maxTotal=" + last);
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        Files.write(Paths.get(args[2]), pid.getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = pool.getResource()) {
                jedis.get("attach-target");
            }
            int now = (Integer) PoolSettingsPrinter.call(genericPool, "getMaxTotal");
            if (now != last) {
                System.out.println("maxTotal=" + now);
                last = now;
            }
            if (now == expected) {
                PoolSettingsPrinter.print("JedisPool/after-attach", genericPool);
                pool.close();
                return;
            }
            Thread.sleep(50);
        }
        pool.close();
        System.exit(1);
    }
}
