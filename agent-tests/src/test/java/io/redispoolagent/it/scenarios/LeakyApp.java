package io.redispoolagent.it.scenarios;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Holds one pooled connection for {@code holdMillis} (as code that forgets to close a Jedis does, for a
 * while), then returns it. Arguments: host port holdMillis.
 */
public final class LeakyApp {

    private LeakyApp() {}

    public static void main(String[] args) throws Exception {
        JedisPool pool = new JedisPool(args[0], Integer.parseInt(args[1]));
        Jedis held = pool.getResource();
        held.set("leaky", "held");
        Thread.sleep(Long.parseLong(args[2]));
        held.close();
        try (Jedis quick = pool.getResource()) {
            quick.get("leaky");
        }
        pool.close();
    }
}
