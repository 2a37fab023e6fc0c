package io.redispoolagent.it.scenarios;

import java.nio.file.Path;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Builds a JedisPool against {@code <host> <port>}, does one SET and one GET, and closes the pool.
 *
 * <p>Compiled against Jedis 5 but uses only API that Jedis 3 to 8 all have with the same signatures,
 * so the same class runs on every Jedis of the client matrix. Prints which Jedis jar it ran on, so
 * a test can see that the version it asked for is the one that ran.
 */
public final class JedisPingApp {

    private JedisPingApp() {}

    public static void main(String[] args) {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path jedisJar = Path.of(JedisPool.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        System.out.println("jedis jar: " + jedisJar.getFileName());
        try (JedisPool pool = new JedisPool(host, port);
                Jedis jedis = pool.getResource()) {
            System.out.println("SET greeting -> " + jedis.set("greeting", "hello"));
            System.out.println("GET greeting -> " + jedis.get("greeting"));
        }
    }
}
