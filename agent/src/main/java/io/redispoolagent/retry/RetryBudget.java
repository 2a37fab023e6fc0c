package io.redispoolagent.retry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Limits retries to a fraction of recent requests, so that an outage does not become a retry storm
 * (the scheme of Finagle's {@code RetryBudget} and gRPC's retry throttling). One per pool.
 *
 * <ul>
 *   <li>Every request deposits {@code ratio} of a retry ({@link #onRequest()}: one {@link LongAdder}
 *       increment, no clock read, no allocation, no lock — the cost on the success path).</li>
 *   <li>Deposits fade out over {@link #WINDOW_SECONDS} (exponentially, time constant 10 s, Finagle's
 *       default TTL), so a long healthy spell does not bank a burst of retries: at a steady {@code R}
 *       requests per second the balance settles at {@code ratio × R × 10}.</li>
 *   <li>A reserve refills at {@code minPerSecond} retries per second, holding at most one second's
 *       worth, so a quiet pool can still retry a few commands.</li>
 *   <li>Each retry withdraws one token, from the deposits first, then the reserve; when neither has a
 *       whole token the retry is refused ({@link #tryWithdraw()} returns false).</li>
 * </ul>
 *
 * <p>Lock-free: the balances are atomics updated by compare-and-set; the refill (folding new requests
 * and elapsed time into the balances) runs in whichever thread wins a flag, others use the balance as
 * it stands. Requests counted since the previous withdrawal are taken as spread evenly over the time
 * since then. Time comes from an injected {@link NanoClock}, so tests need no sleeps.
 */
public final class RetryBudget {

    /** How long deposits count (the time constant of their decay). */
    public static final long WINDOW_SECONDS = 10;

    private static final long TOKEN = 1_000_000L; // balances are kept in millionths of a retry
    private static final double WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double ratio;
    private final long minPerSecond;
    private final long reserveCap;
    private final NanoClock clock;

    private final LongAdder requests = new LongAdder();
    private final AtomicLong deposits = new AtomicLong();
    private final AtomicLong reserve;
    private final AtomicBoolean refilling = new AtomicBoolean();
    private volatile long lastRefillNanos;
    private volatile long creditedRequests;

    /**
     * @param ratio        retries allowed per request (0.1: one retry per ten requests)
     * @param minPerSecond retries allowed per second however few requests there are
     */
    public RetryBudget(double ratio, int minPerSecond, NanoClock clock) {
        this.ratio = Math.max(0, ratio);
        this.minPerSecond = Math.max(0, minPerSecond);
        this.reserveCap = this.minPerSecond * TOKEN;
        this.clock = clock;
        this.reserve = new AtomicLong(reserveCap);
        this.lastRefillNanos = clock.nanoTime();
    }

    public static RetryBudget of(RetrySettings settings, NanoClock clock) {
        return new RetryBudget(settings.budgetRatio(), settings.budgetMinPerSecond(), clock);
    }

    /** Counts one request (a command's first attempt, not its retries). */
    public void onRequest() {
        requests.increment();
    }

    /** Takes one retry from the budget; false when the budget is spent. */
    public boolean tryWithdraw() {
        refill(clock.nanoTime());
        return take(deposits) || take(reserve);
    }

    /** Retries available now (whole and fractional), for the status view and tests. */
    public double available() {
        refill(clock.nanoTime());
        return (deposits.get() + reserve.get()) / (double) TOKEN;
    }

    private static boolean take(AtomicLong balance) {
        for (; ; ) {
            long current = balance.get();
            if (current < TOKEN) {
                return false;
            }
            if (balance.compareAndSet(current, current - TOKEN)) {
                return true;
            }
        }
    }

    private void refill(long now) {
        if (!refilling.compareAndSet(false, true)) {
            return;
        }
        try {
            long elapsed = Math.max(0, now - lastRefillNanos);
            long total = requests.sum();
            long fresh = Math.max(0, total - creditedRequests);
            creditedRequests = total;
            lastRefillNanos = Math.max(lastRefillNanos, now);
            if (elapsed == 0 && fresh == 0) {
                return;
            }

            if (minPerSecond > 0 && elapsed > 0) {
                // minPerSecond tokens a second = minPerSecond × TOKEN / 1e9 per nanosecond.
                long add = minPerSecond * Math.min(elapsed, NANOS_PER_SECOND) / (NANOS_PER_SECOND / TOKEN);
                for (; ; ) {
                    long current = reserve.get();
                    long next = Math.min(reserveCap, current + add);
                    if (next == current || reserve.compareAndSet(current, next)) {
                        break;
                    }
                }
            }

            // Decay what is banked; credit the fresh requests as if they arrived evenly over the
            // elapsed time, each decayed from its arrival: ratio × n × (τ/Δ)(1 − e^(−Δ/τ)).
            double x = elapsed / WINDOW_NANOS;
            double decay = Math.exp(-x);
            double spread = x == 0 ? 1.0 : -Math.expm1(-x) / x;
            double credit = ratio * fresh * spread * TOKEN;
            for (; ; ) {
                long current = deposits.get();
                long next = (long) (current * decay + credit);
                if (deposits.compareAndSet(current, next)) {
                    break;
                }
            }
        } finally {
            refilling.set(false);
        }
    }
}
