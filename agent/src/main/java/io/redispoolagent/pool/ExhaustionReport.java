package io.redispoolagent.pool;

import io.redispoolagent.metrics.HistogramSnapshot;
import io.redispoolagent.metrics.PoolGauges;
import java.util.List;
import java.util.Locale;

/**
 * The warning a timed-out borrow prints: the pool's state, then each connection's holder, how long it
 * has held it and what its thread is doing now (its top frames, and the first frame of the application's
 * own code where that lies deeper, after a "...").
 */
final class ExhaustionReport {

    private ExhaustionReport() {}

    static String describe(
            String pool,
            long waitedMillis,
            PoolGauges gauges,
            HistogramSnapshot waits,
            List<Holders.Holder> holders,
            long unreported) {
        StringBuilder text = new StringBuilder("pool ")
                .append(pool)
                .append(" is exhausted: a borrow waited ")
                .append(waitedMillis)
                .append(" ms and timed out");
        if (gauges != null) {
            text.append("; ")
                    .append(gauges.used())
                    .append(" of ")
                    .append(gauges.max())
                    .append(" connections in use, ")
                    .append(gauges.pending())
                    .append(gauges.pending() == 1 ? " thread" : " threads")
                    .append(" waiting");
        }
        double p99 = waits.quantileSeconds(0.99);
        if (!Double.isNaN(p99)) {
            text.append(", wait p99 ~")
                    .append(String.format(Locale.ROOT, "%.0f", p99 * 1000))
                    .append(" ms");
        }
        if (unreported > 0) {
            text.append(" (").append(unreported).append(" more timeouts since the last report)");
        }
        text.append(holders.isEmpty() ? "; no holder is known." : ". Held by:");
        for (Holders.Holder holder : holders) {
            text.append("\n  thread \"")
                    .append(holder.thread())
                    .append("\", for ")
                    .append(holder.heldMillis())
                    .append(" ms, now:");
            List<StackTraceElement> frames = holder.frames();
            for (int i = 0; i < frames.size(); i++) {
                text.append(i == Holders.TOP_FRAMES ? "\n\t...\n\tat " : "\n\tat ")
                        .append(frames.get(i));
            }
        }
        return text.toString();
    }
}
