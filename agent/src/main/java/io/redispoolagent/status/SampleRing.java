package io.redispoolagent.status;

/**
 * The last few {@link Reading}s of one pool, oldest overwritten first. The status view compares the
 * oldest with a reading taken when asked, so its rates cover the last {@code (capacity - 1) x interval}
 * (a minute by default) once the pool has been watched that long, and less before.
 */
final class SampleRing {

    private final Reading[] readings;
    private int next;
    private int size;

    SampleRing(int capacity) {
        readings = new Reading[capacity];
    }

    synchronized void add(Reading reading) {
        readings[next] = reading;
        next = (next + 1) % readings.length;
        size = Math.min(size + 1, readings.length);
    }

    /** The window from the oldest reading kept to {@code now}; null when none is kept yet. */
    synchronized Window window(Reading now) {
        if (size == 0) {
            return null;
        }
        int oldestIndex = size < readings.length ? 0 : next;
        Reading oldest = readings[oldestIndex];
        int peakDemand = now.demand();
        for (int i = 0; i < size; i++) {
            peakDemand = Math.max(peakDemand, readings[i].demand());
        }
        return new Window(oldest, now, peakDemand);
    }

    /** Rates between two readings of the same pool. */
    static final class Window {

        /** Below this a rate is mostly noise: the view says "not measured yet" instead. */
        static final double MIN_SECONDS = 1.0;

        final double seconds;
        final long borrows;
        final long timeouts;
        final long returns;
        final double holdSeconds;
        final int peakDemand;

        Window(Reading from, Reading to, int peakDemand) {
            this.seconds = (to.nanos - from.nanos) / 1e9;
            this.borrows = Math.max(0, to.borrows - from.borrows);
            this.timeouts = Math.max(0, to.timeouts - from.timeouts);
            this.returns = Math.max(0, to.returns - from.returns);
            this.holdSeconds = Math.max(0, to.holdSeconds - from.holdSeconds);
            this.peakDemand = peakDemand;
        }

        boolean measured() {
            return seconds >= MIN_SECONDS;
        }

        /** Successful borrows per second over the window, NaN when the window is too short. */
        double borrowsPerSecond() {
            return measured() ? borrows / seconds : Double.NaN;
        }

        /** Mean hold time of the connections returned in the window, NaN when none was. */
        double meanHoldSeconds() {
            return returns == 0 ? Double.NaN : holdSeconds / returns;
        }
    }
}
