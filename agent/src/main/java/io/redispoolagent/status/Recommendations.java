package io.redispoolagent.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the status view says about a pool: utilization above 80 % is critical and above 60 % a
 * warning (as the shipped Prometheus alerts), any exhaustion (a borrow that timed out) is critical,
 * threads waiting now, suspected leaks and validation failures are warnings, and a maxTotal is
 * suggested from the measured load ({@link Sizing}).
 */
final class Recommendations {

    static final double CRITICAL_UTILIZATION = 0.8;
    static final double WARNING_UTILIZATION = 0.6;

    private Recommendations() {}

    /** The figures of one pool the findings are drawn from; unknown counts are -1, unknown rates NaN. */
    /** Borrows a window must have seen before the view suggests a smaller pool. */
    static final int MIN_BORROWS_TO_ADVISE_SHRINKING = 1_000;

    static final class Figures {
        String name = "";
        int used = -1;
        int max = -1;
        int pending = -1;
        long timeouts;
        long windowTimeouts;
        double windowSeconds = Double.NaN;
        double borrowsPerSecond = Double.NaN;
        double meanHoldSeconds = Double.NaN;
        int peakDemand;
        long leaks;
        long validationFailures;

        double utilization() {
            return max <= 0 || used < 0 ? Double.NaN : (double) used / max;
        }

        double meanInUse() {
            return Sizing.meanInUse(borrowsPerSecond, meanHoldSeconds);
        }

        int suggestedMaxTotal() {
            return Sizing.suggestMaxTotal(meanInUse(), peakDemand);
        }
    }

    static List<Recommendation> assess(Figures f) {
        List<Recommendation> findings = new ArrayList<>();
        if (f.timeouts > 0) {
            String recent = Double.isNaN(f.windowSeconds)
                    ? ""
                    : " (" + f.windowTimeouts + " in the last " + Math.round(f.windowSeconds) + " s)";
            findings.add(new Recommendation(
                    Recommendation.Severity.CRITICAL,
                    "exhausted",
                    "pool exhausted: "
                            + f.timeouts + plural(f.timeouts, " borrow", " borrows")
                            + " timed out waiting for a connection"
                            + recent));
        }
        double utilization = f.utilization();
        if (!Double.isNaN(utilization) && utilization > WARNING_UTILIZATION) {
            boolean critical = utilization > CRITICAL_UTILIZATION;
            findings.add(new Recommendation(
                    critical ? Recommendation.Severity.CRITICAL : Recommendation.Severity.WARNING,
                    "utilization",
                    "utilization " + percent(utilization) + " (" + f.used + " of " + f.max
                            + " connections in use), above "
                            + percent(critical ? CRITICAL_UTILIZATION : WARNING_UTILIZATION)));
        }
        if (f.pending > 0) {
            findings.add(new Recommendation(
                    Recommendation.Severity.WARNING,
                    "pending",
                    f.pending + plural(f.pending, " thread", " threads") + " waiting for a connection now"));
        }
        if (f.leaks > 0) {
            findings.add(new Recommendation(
                    Recommendation.Severity.WARNING,
                    "leaks",
                    f.leaks
                            + plural(f.leaks, " connection", " connections")
                            + " held longer than redis.pool.leakThreshold"
                            + " (suspected leaks: the agent logged the borrowers' stacks)"));
        }
        if (f.validationFailures > 0) {
            findings.add(new Recommendation(
                    Recommendation.Severity.WARNING,
                    "validation",
                    f.validationFailures
                            + plural(f.validationFailures, " connection", " connections")
                            + " failed validation when borrowed (network or server trouble)"));
        }
        Recommendation sizing = sizing(f, worst(findings));
        if (sizing != null) {
            findings.add(sizing);
        }
        return findings;
    }

    /** The worst severity among the findings, or null when there are none worse than info. */
    static Recommendation.Severity worst(List<Recommendation> findings) {
        Recommendation.Severity worst = null;
        for (Recommendation finding : findings) {
            if (finding.severity != Recommendation.Severity.INFO
                    && (worst == null || finding.severity.ordinal() < worst.ordinal())) {
                worst = finding.severity;
            }
        }
        return worst;
    }

    /** {@code critical}, {@code warning} or {@code ok}. */
    static String status(List<Recommendation> findings) {
        Recommendation.Severity worst = worst(findings);
        return worst == null ? "ok" : worst.label();
    }

    private static Recommendation sizing(Figures f, Recommendation.Severity worst) {
        int suggested = f.suggestedMaxTotal();
        if (suggested < 0 || f.max <= 0) {
            return null;
        }
        String basis = basis(f);
        String setting = "redis.pool.maxTotal[" + f.name + "]=" + suggested;
        if (suggested > f.max) {
            String censored = f.windowTimeouts > 0 || f.pending > 0
                    ? "; an exhausted pool hides how many connections it really needs: re-check after raising it"
                    : "";
            return new Recommendation(
                    worst == null ? Recommendation.Severity.INFO : worst,
                    "resize",
                    "raise maxTotal from " + f.max + " to " + suggested + " (" + setting + "): " + basis + censored);
        }
        if (worst == null && suggested * 2 <= f.max && f.timeouts == 0 && busyEnoughToShrink(f)) {
            return new Recommendation(
                    Recommendation.Severity.INFO,
                    "oversized",
                    "maxTotal " + f.max + " is more than twice what the measured load needs; " + suggested
                            + " would do (" + setting + "): " + basis);
        }
        return null;
    }

    /**
     * A pool is sized for its peaks, and a quiet minute says nothing about them: advice to shrink rests
     * only on a window that saw real traffic.
     */
    static boolean busyEnoughToShrink(Figures f) {
        return f.borrowsPerSecond * f.windowSeconds >= MIN_BORROWS_TO_ADVISE_SHRINKING;
    }

    /** The measured figures behind a suggestion, so a reader can check the arithmetic. */
    static String basis(Figures f) {
        StringBuilder text = new StringBuilder();
        double meanInUse = f.meanInUse();
        if (!Double.isNaN(meanInUse)) {
            text.append(String.format(
                    Locale.ROOT,
                    "Little's law %.1f borrows/s x %.1f ms held = %.2f in use on average",
                    f.borrowsPerSecond,
                    f.meanHoldSeconds * 1000,
                    meanInUse));
        } else {
            text.append("no borrow returned in the window yet, so no Little's law estimate");
        }
        text.append(", peak demand ").append(f.peakDemand).append(" (in use + waiting)");
        return text.toString();
    }

    static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    private static String plural(long count, String one, String many) {
        return count == 1 ? one : many;
    }
}
