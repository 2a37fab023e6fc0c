package io.redispoolagent.it.scenarios;

/**
 * A small Jedis service for the start-up cost benchmark: {@link JedisPingApp}'s work (one pool, one
 * SET, one GET against {@code <host> <port>}), then {@code <idle ms>} of idling, as a service between
 * requests would, so that what the agent does on its own threads after {@code main}'s work counts too.
 */
public final class JedisStartupApp {

    private JedisStartupApp() {}

    public static void main(String[] args) throws InterruptedException {
        JedisPingApp.main(args);
        Thread.sleep(Long.parseLong(args[2]));
    }
}
