package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who holds a pool's connections, read from the pool's borrowed objects and each one's slot. */
class HoldersTest {

    private final GenericObjectPool<String> pool = TestPools.stringPool();
    private final PoolRecord record = TestPools.jedisPoolOf("10.0.0.1", 6379, 0, pool);
    private final Holders holders = new Holders();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseAndClose() {
        release.countDown();
        pool.close();
    }

    /** Borrows as the woven borrow would record it, then waits in a method of its own. */
    private void holdInCheckout(CountDownLatch borrowed) throws Exception {
        String connection = pool.borrowObject();
        holders.borrowed(connection, System.nanoTime());
        borrowed.countDown();
        release.await();
        pool.returnObject(connection);
    }

    @Test
    void aHolderIsNamedWithWhatItsThreadIsDoingNow() throws Exception {
        CountDownLatch borrowed = new CountDownLatch(1);
        Thread holder = new Thread(
                () -> {
                    try {
                        holdInCheckout(borrowed);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "checkout-worker");
        holder.start();
        borrowed.await();

        List<Holders.Holder> found = holders.of(record);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).thread()).isEqualTo("checkout-worker");
        assertThat(found.get(0).heldMillis()).isNotNegative();
        assertThat(found.get(0).frames())
                .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("holdInCheckout"));
    }

    @Test
    void aReturnedConnectionHasNoHolder() throws Exception {
        String connection = pool.borrowObject();
        holders.borrowed(connection, System.nanoTime());
        pool.returnObject(connection);

        assertThat(holders.of(record)).isEmpty();
    }

    @Test
    void aConnectionBorrowedAgainNamesItsNewHolder() throws Exception {
        String connection = pool.borrowObject();
        holders.borrowed(connection, System.nanoTime());
        pool.returnObject(connection);
        String again = pool.borrowObject();
        holders.borrowed(again, System.nanoTime());

        assertThat(holders.of(record))
                .singleElement()
                .satisfies(holder -> assertThat(holder.thread())
                        .isEqualTo(Thread.currentThread().getName()));
        pool.returnObject(again);
    }

    @Test
    void anApplicationFrameAmongTheTopOnesIsEnough() {
        StackTraceElement[] stack = new StackTraceElement[20];
        for (int i = 0; i < stack.length; i++) {
            stack[i] = new StackTraceElement("com.example.Orders", "step" + i, "Orders.java", i);
        }

        assertThat(new Holders.Holder("t", 1, stack).frames()).hasSize(Holders.TOP_FRAMES);
    }

    @Test
    void onlyTheTopFramesAndTheFirstApplicationFrameAreShown() {
        StackTraceElement[] stack = new StackTraceElement[20];
        for (int i = 0; i < stack.length; i++) {
            stack[i] = new StackTraceElement("java.net.SocketInputStream", "read" + i, "S.java", i);
        }
        stack[15] = new StackTraceElement("com.example.Orders", "waitForOrders", "Orders.java", 42);

        List<StackTraceElement> frames = new Holders.Holder("t", 1, stack).frames();

        assertThat(frames).hasSize(Holders.TOP_FRAMES + 1);
        assertThat(frames.get(Holders.TOP_FRAMES).getMethodName()).isEqualTo("waitForOrders");
    }
}
