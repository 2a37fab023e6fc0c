package io.redispoolagent.metrics;

/** The counts of a {@link LatencyHistogram} at one moment, with estimates derived from them. */
public final class HistogramSnapshot {

    private final long[] bucketCounts;
    private final long sumNanos;
    private final long count;

    HistogramSnapshot(long[] bucketCounts, long sumNanos) {
        this.bucketCounts = bucketCounts;
        this.sumNanos = sumNanos;
        long total = 0;
        for (long bucketCount : bucketCounts) {
            total += bucketCount;
        }
        this.count = total;
    }

    /** Counts per bucket, aligned with {@link LatencyHistogram#BOUNDARIES_SECONDS} plus the last unbounded bucket. */
    public long[] bucketCounts() {
        return bucketCounts.clone();
    }

    public long count() {
        return count;
    }

    public double sumSeconds() {
        return sumNanos / 1e9;
    }

    /**
     * The q-quantile (0..1) in seconds, interpolated linearly inside its bucket, as Prometheus'
     * {@code histogram_quantile} does; NaN with no records. Values in the last bucket report its lower bound.
     */
    public double quantileSeconds(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double rank = q * count;
        long seen = 0;
        double[] bounds = LatencyHistogram.BOUNDARIES_SECONDS;
        for (int i = 0; i < bucketCounts.length; i++) {
            if (bucketCounts[i] > 0 && seen + bucketCounts[i] >= rank) {
                if (i == bounds.length) {
                    return bounds[bounds.length - 1];
                }
                double lower = i == 0 ? 0 : bounds[i - 1];
                double fraction = (rank - seen) / bucketCounts[i];
                return lower + (bounds[i] - lower) * fraction;
            }
            seen += bucketCounts[i];
        }
        return bounds[bounds.length - 1];
    }
}
