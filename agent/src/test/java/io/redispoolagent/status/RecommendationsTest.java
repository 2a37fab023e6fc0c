package io.redispoolagent.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationsTest {

    private static Recommendations.Figures pool(int used, int max) {
        Recommendations.Figures figures = new Recommendations.Figures();
        figures.name = "cache:6379/0";
        figures.used = used;
        figures.max = max;
        figures.pending = 0;
        figures.peakDemand = used;
        return figures;
    }

    private static Recommendation find(List<Recommendation> findings, String code) {
        for (Recommendation finding : findings) {
            if (finding.code.equals(code)) {
                return finding;
            }
        }
        return null;
    }

    @Test
    void utilizationAboveEightyPercentIsCritical() {
        List<Recommendation> findings = Recommendations.assess(pool(9, 10));
        assertThat(find(findings, "utilization").severity).isEqualTo(Recommendation.Severity.CRITICAL);
        assertThat(find(findings, "utilization").message)
                .isEqualTo("utilization 90% (9 of 10 connections in use), above 80%");
        assertThat(Recommendations.status(findings)).isEqualTo("critical");
    }

    @Test
    void utilizationAboveSixtyPercentIsAWarningAndTheLinesThemselvesAreNot() {
        assertThat(find(Recommendations.assess(pool(7, 10)), "utilization").severity)
                .isEqualTo(Recommendation.Severity.WARNING);
        assertThat(find(Recommendations.assess(pool(8, 10)), "utilization").severity)
                .as("exactly 80 %% is not above 80 %%")
                .isEqualTo(Recommendation.Severity.WARNING);
        assertThat(find(Recommendations.assess(pool(6, 10)), "utilization"))
                .as("exactly 60 %%")
                .isNull();
        assertThat(Recommendations.status(Recommendations.assess(pool(6, 10)))).isEqualTo("ok");
    }

    @Test
    void anyExhaustionIsCriticalEvenOnAQuietPool() {
        Recommendations.Figures figures = pool(0, 10);
        figures.timeouts = 1;
        figures.windowSeconds = 60;
        List<Recommendation> findings = Recommendations.assess(figures);
        assertThat(find(findings, "exhausted").severity).isEqualTo(Recommendation.Severity.CRITICAL);
        assertThat(find(findings, "exhausted").message)
                .isEqualTo("pool exhausted: 1 borrow timed out waiting for a connection (0 in the last 60 s)");
        assertThat(Recommendations.status(findings)).isEqualTo("critical");
    }

    @Test
    void anExhaustedPoolIsToldItsSizeFromLittlesLawAndItsPeak() {
        Recommendations.Figures figures = pool(8, 8);
        figures.pending = 4;
        figures.peakDemand = 12;
        figures.timeouts = 30;
        figures.windowTimeouts = 30;
        figures.windowSeconds = 60;
        figures.borrowsPerSecond = 400;
        figures.meanHoldSeconds = 0.020; // L = 8: 16 by the 50 % target; the peak 12 / 0.8 = 15
        List<Recommendation> findings = Recommendations.assess(figures);

        assertThat(figures.suggestedMaxTotal()).isEqualTo(16);
        Recommendation resize = find(findings, "resize");
        assertThat(resize.severity).isEqualTo(Recommendation.Severity.CRITICAL);
        assertThat(resize.message)
                .startsWith(
                        "raise maxTotal from 8 to 16 (redis.pool.maxTotal[cache:6379/0]=16): "
                                + "Little's law 400.0 borrows/s x 20.0 ms held = 8.00 in use on average, peak demand 12 (in use + waiting)")
                .endsWith("re-check after raising it");
        assertThat(find(findings, "pending").severity).isEqualTo(Recommendation.Severity.WARNING);
        assertThat(find(findings, "pending").message).isEqualTo("4 threads waiting for a connection now");
    }

    @Test
    void aHealthyOversizedPoolGetsAnInfoOnlyAndStaysOk() {
        Recommendations.Figures figures = pool(1, 100);
        figures.windowSeconds = 60;
        figures.borrowsPerSecond = 100;
        figures.meanHoldSeconds = 0.002; // L = 0.2 -> 2; peak 1 -> 2
        List<Recommendation> findings = Recommendations.assess(figures);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity).isEqualTo(Recommendation.Severity.INFO);
        assertThat(findings.get(0).code).isEqualTo("oversized");
        assertThat(Recommendations.status(findings)).isEqualTo("ok");
    }

    @Test
    void aPoolThatSawLittleTrafficIsNeverAdvisedToShrink() {
        Recommendations.Figures figures = pool(0, 160);
        figures.windowSeconds = 60;
        figures.borrowsPerSecond = 0.8; // one login in the last minute
        figures.meanHoldSeconds = 0.0002;

        assertThat(Recommendations.assess(figures)).isEmpty();
    }

    @Test
    void anUnlimitedPoolHasNoUtilizationAndNoSizeAdvice() {
        Recommendations.Figures figures = pool(50, -1);
        figures.borrowsPerSecond = 100;
        figures.meanHoldSeconds = 0.5;
        assertThat(figures.utilization()).isNaN();
        assertThat(Recommendations.assess(figures)).isEmpty();
    }

    @Test
    void leaksAndValidationFailuresAreWarnings() {
        Recommendations.Figures figures = pool(1, 10);
        figures.leaks = 2;
        figures.validationFailures = 1;
        List<Recommendation> findings = Recommendations.assess(figures);
        assertThat(find(findings, "leaks").severity).isEqualTo(Recommendation.Severity.WARNING);
        assertThat(find(findings, "validation").message).startsWith("1 connection failed validation");
        assertThat(Recommendations.status(findings)).isEqualTo("warning");
    }
}
