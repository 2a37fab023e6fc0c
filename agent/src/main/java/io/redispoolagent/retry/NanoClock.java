package io.redispoolagent.retry;

/** A monotonic clock in nanoseconds; tests inject their own so that nothing sleeps. */
public interface NanoClock {

    long nanoTime();

    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };
}
