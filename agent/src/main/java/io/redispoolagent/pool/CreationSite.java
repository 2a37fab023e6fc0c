package io.redispoolagent.pool;

/**
 * Names the client API an application used to build a pool, from the stack at creation: the outermost
 * client frame is the class the application called ({@code JedisPool}, {@code JedisCluster},
 * {@code JedisPooled}, {@code ConnectionPoolSupport}...), whichever internal classes built the pool
 * underneath. Read once per pool creation, which is rare, never on a hot path.
 */
final class CreationSite {

    private CreationSite() {}

    static String clientApi(StackTraceElement[] stack, RedisClientFamily family, String fallback) {
        String outermost = null;
        for (StackTraceElement frame : stack) {
            if (family.owns(frame.getClassName())) {
                outermost = frame.getClassName();
            }
        }
        if (outermost == null) {
            return fallback;
        }
        String simple = outermost.substring(outermost.lastIndexOf('.') + 1);
        int inner = simple.indexOf('$');
        return inner > 0 ? simple.substring(0, inner) : simple;
    }
}
