package io.redispoolagent.pool;

/**
 * The Sentinel master whose pool the current thread is building, set around Jedis'
 * {@code SentineledConnectionProvider.initMaster}, which builds a new pool at start and at every failover.
 */
public final class SentinelNaming {

    private static final ThreadLocal<String> MASTER = new ThreadLocal<>();

    private SentinelNaming() {}

    /** Called as the provider starts building a master pool. */
    public static void enter(Object provider) {
        Object masterName = JedisClasses.masterName(provider);
        if (masterName instanceof String) {
            MASTER.set((String) masterName);
        }
    }

    public static void exit() {
        MASTER.remove();
    }

    static String currentMaster() {
        return MASTER.get();
    }
}
