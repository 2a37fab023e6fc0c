package io.redispoolagent.it.scenarios;

import java.lang.reflect.Field;

/**
 * Prints a live commons-pool2 pool's settings as one line, read from the pool object itself with the
 * getters every commons-pool2 from 2.4 to 2.13 has, so a test can compare what the application's pool
 * really holds, not what the agent says it did.
 */
final class PoolSettingsPrinter {

    private PoolSettingsPrinter() {}

    static void print(String label, Object pool) throws Exception {
        System.out.println(label + " maxTotal=" + call(pool, "getMaxTotal")
                + " maxIdle=" + call(pool, "getMaxIdle")
                + " minIdle=" + call(pool, "getMinIdle")
                + " maxWaitMillis=" + call(pool, "getMaxWaitMillis")
                + " blockWhenExhausted=" + call(pool, "getBlockWhenExhausted")
                + " testWhileIdle=" + call(pool, "getTestWhileIdle")
                + " evictionMillis=" + call(pool, "getTimeBetweenEvictionRunsMillis"));
    }

    /** Jedis 3 wraps its GenericObjectPool in a field; from Jedis 4 on the pool object is the GenericObjectPool. */
    static Object genericObjectPool(Object jedisPool) throws Exception {
        for (Class<?> type = jedisPool.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field internal = type.getDeclaredField("internalPool");
                internal.setAccessible(true);
                return internal.get(jedisPool);
            } catch (NoSuchFieldException notHere) {
                // keep looking
            }
        }
        return jedisPool;
    }

    static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }
}
