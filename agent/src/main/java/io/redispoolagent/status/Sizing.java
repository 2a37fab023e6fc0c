package io.redispoolagent.status;

/**
 * A maxTotal suggested from what the pool actually does, by Little's law.
 *
 * <p>Little's law: the mean number of connections in use L equals the rate at which they are
 * borrowed λ times the mean time each is held W, whatever the distribution of either: {@code L = λ W}
 * (200 borrows/s held 5 ms each keep 1 connection busy on average). L is the offered load in
 * Erlangs; a pool of exactly L connections would make half the borrowers wait. The headroom:
 * <ul>
 * <li>{@code L / 0.5}: the pool runs at most 50 % utilized on average, below the view's own 60 %
 *     warning line, so a burst of twice the mean concurrency (a GC pause on the server, a slow
 *     command, a cache-miss storm) still finds connections;</li>
 * <li>{@code L + 2 sqrt(L)}: square-root staffing (Halfin-Whitt) with β = 2, for small pools, where
 *     random fluctuation is large next to the mean: with Poisson arrivals only ~3 % of borrows would
 *     wait at all. It exceeds {@code 2L} only when L &lt; 4;</li>
 * <li>{@code peak / 0.8}: the highest demand (in use + waiting) sampled in the window stays at or
 *     below the 80 % critical line. Little's law over the window cannot see connections held for the
 *     whole window (never returned, so never timed), and an exhausted pool hides its true demand; the
 *     sampled peak is the floor.</li>
 * </ul>
 * The suggestion is the largest of the three, rounded up, between 1 and 100000.
 */
final class Sizing {

    /** Mean utilization the suggested pool runs at: under the 60 % warning line. */
    static final double TARGET_MEAN_UTILIZATION = 0.5;
    /** β of square-root staffing: P(wait) ≈ 3 % with Poisson arrivals. */
    static final double SQUARE_ROOT_STAFFING_BETA = 2.0;
    /** The sampled peak demand sits at or below the 80 % critical line. */
    static final double PEAK_UTILIZATION = Recommendations.CRITICAL_UTILIZATION;

    static final int MAX_SUGGESTION = 100_000;

    private Sizing() {}

    /** Little's L: connections in use on average, {@code λ × W}; NaN when either is unknown. */
    static double meanInUse(double borrowsPerSecond, double meanHoldSeconds) {
        if (!finite(borrowsPerSecond) || !finite(meanHoldSeconds)) {
            return Double.NaN;
        }
        return borrowsPerSecond * meanHoldSeconds;
    }

    /**
     * The suggested maxTotal, or -1 when nothing was measured yet (no rate, no hold time, no demand).
     *
     * @param meanInUse  Little's L over the window, NaN when unknown
     * @param peakDemand highest (used + pending) sampled in the window
     */
    static int suggestMaxTotal(double meanInUse, int peakDemand) {
        double need = -1;
        if (finite(meanInUse) && meanInUse >= 0) {
            need = Math.max(
                    meanInUse / TARGET_MEAN_UTILIZATION, meanInUse + SQUARE_ROOT_STAFFING_BETA * Math.sqrt(meanInUse));
        }
        if (peakDemand > 0) {
            need = Math.max(need, peakDemand / PEAK_UTILIZATION);
        }
        if (need < 0) {
            return -1;
        }
        // 4 / 0.8 is 5.000000000000001 in floating point: not a reason for a sixth connection.
        double rounded = Math.ceil(need - 1e-9);
        return (int) Math.max(1, Math.min(MAX_SUGGESTION, rounded));
    }

    private static boolean finite(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value);
    }
}
