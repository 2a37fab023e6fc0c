package io.redispoolagent.pool;

/**
 * A pool's settings as commons-pool2 holds them: negative maxTotal/maxIdle mean unlimited, a negative
 * maxWait means forever, an eviction interval of zero or less means no health check.
 */
public final class PoolSnapshot {

    final int maxTotal;
    final int maxIdle;
    final int minIdle;
    final long maxWaitMillis;
    final boolean blockWhenExhausted;
    final boolean testWhileIdle;
    final long evictionIntervalMillis;

    public PoolSnapshot(int maxTotal, int maxIdle, int minIdle, long maxWaitMillis, boolean blockWhenExhausted,
                        boolean testWhileIdle, long evictionIntervalMillis) {
        this.maxTotal = maxTotal;
        this.maxIdle = maxIdle;
        this.minIdle = minIdle;
        this.maxWaitMillis = maxWaitMillis;
        this.blockWhenExhausted = blockWhenExhausted;
        this.testWhileIdle = testWhileIdle;
        this.evictionIntervalMillis = evictionIntervalMillis;
    }

    public int maxTotal() {
        return maxTotal;
    }

    public int maxIdle() {
        return maxIdle;
    }

    public int minIdle() {
        return minIdle;
    }

    public long maxWaitMillis() {
        return maxWaitMillis;
    }

    public boolean blockWhenExhausted() {
        return blockWhenExhausted;
    }

    public boolean testWhileIdle() {
        return testWhileIdle;
    }

    public long evictionIntervalMillis() {
        return evictionIntervalMillis;
    }
}
