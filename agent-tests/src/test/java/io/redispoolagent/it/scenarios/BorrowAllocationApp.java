package io.redispoolagent.it.scenarios;

import java.lang.management.ManagementFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Borrows and returns a JedisPool connection {@code <count>} times against {@code <host> <port>} after
 * as many unmeasured ones, and prints what the measured ones allocated on this thread, per borrow, as
 * {@code bytes-per-borrow: N} (from {@code com.sun.management.ThreadMXBean}).
 */
public final class BorrowAllocationApp {

    public static final String LABEL = "bytes-per-borrow: ";

    private BorrowAllocationApp() {}

    public static void main(String[] args) {
        int count = Integer.parseInt(args[2]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        try (JedisPool pool = new JedisPool(args[0], Integer.parseInt(args[1]))) {
            borrowAndReturn(pool, count);
            long before = threads.getThreadAllocatedBytes(thread);
            borrowAndReturn(pool, count);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            System.out.println(LABEL + (double) allocated / count);
        }
    }

    private static void borrowAndReturn(JedisPool pool, int count) {
        for (int i = 0; i < count; i++) {
            try (Jedis jedis = pool.getResource()) {
                if (jedis == null) {
                    throw new IllegalStateException("no connection");
                }
            }
        }
    }
}
