package io.redispoolagent.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs the variants in turn, one fork each, round after round, and compares them pairwise per round:
 * the machine's drift over minutes (frequency, other load) then falls on every variant alike instead
 * of on whichever ran last, which matters when the difference sought is a fraction of a percent of a
 * network round trip.
 */
final class Interleaved {

    private Interleaved() {}

    static String run(Map<String, String[]> variants, int rounds, int warmups, int iterations, int seconds)
            throws RunnerException {
        // benchmark -> variant -> one score per round
        Map<String, Map<String, List<Double>>> scores = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, String[]> variant : variants.entrySet()) {
                System.out.println("=== round " + round + "/" + rounds + ", variant " + variant.getKey());
                for (RunResult result :
                        new Runner(CompareRunner.options(variant.getValue(), 1, warmups, iterations, seconds)).run()) {
                    String name = result.getParams().getBenchmark();
                    name = name.substring(name.lastIndexOf('.') + 1);
                    scores.computeIfAbsent(name, k -> new LinkedHashMap<>())
                            .computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
                            .add(result.getPrimaryResult().getScore());
                }
            }
        }
        return table(scores);
    }

    static String table(Map<String, Map<String, List<Double>>> scores) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%n%-14s %-11s %26s %14s %24s%n",
                "benchmark",
                "variant",
                "ops/s (mean ± 95% CI)",
                "ns/op",
                "vs without, paired"));
        for (Map.Entry<String, Map<String, List<Double>>> benchmark : scores.entrySet()) {
            List<Double> base = benchmark.getValue().get("without");
            for (Map.Entry<String, List<Double>> variant : benchmark.getValue().entrySet()) {
                List<Double> values = variant.getValue();
                double mean = mean(values);
                String ratio = "";
                if (base != null && values != base) {
                    List<Double> ratios = new ArrayList<>();
                    for (int i = 0; i < Math.min(values.size(), base.size()); i++) {
                        ratios.add(100.0 * values.get(i) / base.get(i));
                    }
                    ratio = String.format(Locale.ROOT, "%.1f %% ± %.1f", mean(ratios), halfWidth(ratios));
                }
                out.append(String.format(
                        Locale.ROOT,
                        "%-14s %-11s %15s ± %-9s %14s %24s%n",
                        benchmark.getKey(),
                        variant.getKey(),
                        String.format(Locale.ROOT, "%,.0f", mean),
                        String.format(Locale.ROOT, "%,.0f", halfWidth(values)),
                        String.format(Locale.ROOT, "%,.1f", 1e9 / mean),
                        ratio));
            }
        }
        return out.append("(one fork per variant per round; ± is the 95 % confidence half-width over the rounds)\n")
                .toString();
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    /** Student's t 95 % half-width of the mean. */
    private static double halfWidth(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double[] t = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};
        double quantile = n - 2 < t.length ? t[n - 2] : 1.96;
        return quantile * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }
}
