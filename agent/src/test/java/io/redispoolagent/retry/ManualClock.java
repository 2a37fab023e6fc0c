package io.redispoolagent.retry;

import java.util.concurrent.TimeUnit;

/** A clock the test moves by hand. */
public final class ManualClock implements NanoClock {

    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    public void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
