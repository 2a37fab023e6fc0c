package io.redispoolagent.it.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Four threads hold every connection of a pool of 4 (run with {@code -Dredis.pool.maxTotal=4}), each in
 * a method of its own: three wait in application code, the fourth in a slow Redis command (a BLPOP on an
 * empty list). Then two borrows time out, {@code READY} is printed, and all is held until the release
 * file exists. Arguments: {@code <host> <port> <release-file>}.
 */
public final class ExhaustionHoldersApp {

    private static final String QUEUE = "forensics:orders";

    private ExhaustionHoldersApp() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        CountDownLatch borrowed = new CountDownLatch(4);
        CountDownLatch done = new CountDownLatch(1);
        try (JedisPool pool = new JedisPool(host, port)) {
            List<Thread> holders = new ArrayList<>();
            holders.add(holder("checkout-1", pool, borrowed, jedis -> holdInCheckout(done)));
            holders.add(holder("inventory-2", pool, borrowed, jedis -> holdInInventory(done)));
            holders.add(holder("billing-3", pool, borrowed, jedis -> holdInBilling(done)));
            holders.add(holder("orders-4", pool, borrowed, ExhaustionHoldersApp::waitForOrders));
            holders.forEach(Thread::start);
            borrowed.await();
            for (int i = 0; i < 2; i++) {
                try (Jedis extra = pool.getResource()) {
                    throw new IllegalStateException("the pool of 4 gave a fifth connection: " + extra);
                } catch (NoSuchElementException | redis.clients.jedis.exceptions.JedisException exhausted) {
                    System.out.println(
                            "borrow timed out: " + exhausted.getClass().getSimpleName());
                }
            }
            System.out.println("READY");
            System.out.flush();
            AwaitRelease.await(Path.of(args[2]));
            done.countDown();
            try (Jedis unpooled = new Jedis(host, port)) {
                unpooled.lpush(QUEUE, "order");
            }
            for (Thread holder : holders) {
                holder.join();
            }
        }
        System.out.println("DONE");
    }

    interface Work {
        void run(Jedis jedis) throws Exception;
    }

    private static Thread holder(String name, JedisPool pool, CountDownLatch borrowed, Work work) {
        return new Thread(
                () -> {
                    try (Jedis jedis = pool.getResource()) {
                        borrowed.countDown();
                        work.run(jedis);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                name);
    }

    static void holdInCheckout(CountDownLatch done) throws InterruptedException {
        done.await();
    }

    static void holdInInventory(CountDownLatch done) throws InterruptedException {
        done.await();
    }

    static void holdInBilling(CountDownLatch done) throws InterruptedException {
        done.await();
    }

    static void waitForOrders(Jedis jedis) {
        jedis.blpop(60, QUEUE);
    }
}
