package io.redispoolagent.pool;

import io.redispoolagent.util.WeakIdentityTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who holds each borrowed connection, for the moment a pool runs dry. A borrow writes the thread and
 * the time into the connection's own slot, made at its first borrow and reused after: no allocation,
 * no stack capture. The stacks are taken only when they are asked for, of what each holder does now.
 */
public final class Holders {

    static final int TOP_FRAMES = 6;

    private static final String AGENT_PACKAGE = "io.redispoolagent.pool.";

    /**
     * Code that is never the application's own: the JDK, the clients, the pool, and the agent's
     * packages that can stand in a borrower's stack (its advice is inlined into the clients' classes).
     */
    private static final String[] LIBRARY_PREFIXES = {
        "java.",
        "javax.",
        "jdk.",
        "sun.",
        "com.sun.",
        "redis.clients.",
        "io.lettuce.",
        "io.netty.",
        "reactor.",
        "org.apache.commons.pool2.",
        "io.redispoolagent.instrument.",
        "io.redispoolagent.pool.",
        "io.redispoolagent.retry.",
        "io.redispoolagent.runtime.",
        "io.redispoolagent.shaded."
    };

    /** Weak keys: a connection the pool destroys takes its slot with it. */
    private final WeakIdentityTable<Slot> slots = new WeakIdentityTable<>();

    /**
     * One connection's last borrower. Plain fields: a fence per borrow would cost the hot path more
     * than the report gains from it; the report reads them racily, and a holder it sees a moment late
     * or early is still the one that had the connection then.
     */
    private static final class Slot {
        Thread thread;
        long sinceNanos;
    }

    /** A holder as seen at one moment. */
    public static final class Holder {
        private final String thread;
        private final long heldMillis;
        private final StackTraceElement[] stack;

        Holder(String thread, long heldMillis, StackTraceElement[] stack) {
            this.thread = thread;
            this.heldMillis = heldMillis;
            this.stack = stack;
        }

        public String thread() {
            return thread;
        }

        public long heldMillis() {
            return heldMillis;
        }

        /**
         * What the holder's thread is doing now, innermost frame first: the top {@value #TOP_FRAMES}
         * frames, then the first frame of the application's own code when none of those is.
         */
        public List<StackTraceElement> frames() {
            List<StackTraceElement> frames = new ArrayList<>();
            boolean applicationShown = false;
            for (int i = 0; i < stack.length; i++) {
                boolean application = isApplication(stack[i].getClassName());
                if (i < TOP_FRAMES || (application && !applicationShown)) {
                    frames.add(stack[i]);
                    applicationShown |= application;
                }
                if (i >= TOP_FRAMES && applicationShown) {
                    break;
                }
            }
            return frames;
        }
    }

    void borrowed(Object connection, long sinceNanos) {
        Slot slot = slots.get(connection);
        if (slot == null) {
            slot = new Slot();
            Slot raced = slots.putIfAbsent(connection, slot);
            slot = raced == null ? slot : raced;
        }
        slot.thread = Thread.currentThread();
        slot.sinceNanos = sinceNanos;
    }

    /** The holders of the connections borrowed from {@code record}'s pool now, with their current stacks. */
    public List<Holder> of(PoolRecord record) {
        List<Holder> holders = new ArrayList<>();
        long now = System.nanoTime();
        for (Object connection : record.borrowedObjects()) {
            Slot slot = slots.get(connection);
            Thread thread = slot == null ? null : slot.thread;
            if (thread != null) {
                holders.add(new Holder(
                        thread.getName(),
                        Math.max(0, TimeUnit.NANOSECONDS.toMillis(now - slot.sinceNanos)),
                        withoutReportingFrames(thread.getStackTrace())));
            }
        }
        return holders;
    }

    /** A borrower that is itself reporting shows what it did before: not the report's own frames. */
    private static StackTraceElement[] withoutReportingFrames(StackTraceElement[] stack) {
        int first = 0;
        while (first < stack.length
                && (stack[first].getClassName().startsWith(AGENT_PACKAGE)
                        || stack[first].getClassName().equals(Thread.class.getName()))) {
            first++;
        }
        return first == 0 ? stack : Arrays.copyOfRange(stack, first, stack.length);
    }

    static boolean isApplication(String className) {
        for (String prefix : LIBRARY_PREFIXES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
