package io.redispoolagent.sample.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redispoolagent.sample.json.Json;
import java.util.Locale;
import org.HdrHistogram.AbstractHistogram;

/** min/avg/p50/p95/p99/max of a histogram of microseconds, in milliseconds. All NaN when there were no samples. */
public final class LatencySummary {
    private final long count;
    private final double min;
    private final double avg;
    private final double p50;
    private final double p95;
    private final double p99;
    private final double max;

    public LatencySummary(long count, double min, double avg, double p50, double p95, double p99, double max) {
        this.count = count;
        this.min = min;
        this.avg = avg;
        this.p50 = p50;
        this.p95 = p95;
        this.p99 = p99;
        this.max = max;
    }

    /** Summarises a histogram whose values are microseconds. */
    public static LatencySummary ofMicros(AbstractHistogram h) {
        long count = h.getTotalCount();
        if (count == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(
                count,
                ms(h.getMinValue()),
                h.getMean() / 1000.0,
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    public long count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double avg() {
        return avg;
    }

    public double p50() {
        return p50;
    }

    public double p95() {
        return p95;
    }

    public double p99() {
        return p99;
    }

    public double max() {
        return max;
    }

    /** {"count", "min", "avg", "p50", "p95", "p99", "max"}; the figures are null when there were no samples. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("count", count);
        json.put("min", Json.figure(min));
        json.put("avg", Json.figure(avg));
        json.put("p50", Json.figure(p50));
        json.put("p95", Json.figure(p95));
        json.put("p99", Json.figure(p99));
        json.put("max", Json.figure(max));
        return json;
    }

    /** "min 0.3  avg 1.2  p50 0.9  p95 2.3  p99 5.1  max 12" (ms), or "-" with no samples. */
    public String toText() {
        if (count == 0) {
            return "-";
        }
        return "min " + formatMillis(min) + "  avg " + formatMillis(avg) + "  p50 " + formatMillis(p50) + "  p95 "
                + formatMillis(p95) + "  p99 " + formatMillis(p99) + "  max " + formatMillis(max);
    }

    /** Milliseconds as the text summaries print them: at most 3 decimals, trailing zeros dropped, no exponent. */
    static String formatMillis(double ms) {
        if (ms == Math.rint(ms) && Math.abs(ms) < 1e15) {
            return Long.toString((long) ms);
        }
        String s = String.format(Locale.ROOT, "%.3f", ms);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
