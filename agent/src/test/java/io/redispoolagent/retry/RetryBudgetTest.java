package io.redispoolagent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final ManualClock clock = new ManualClock();

    private static int withdrawAll(RetryBudget budget) {
        int granted = 0;
        while (budget.tryWithdraw()) {
            granted++;
            if (granted > 1_000_000) {
                throw new AssertionError("the budget never runs out");
            }
        }
        return granted;
    }

    private static void requests(RetryBudget budget, int count) {
        for (int i = 0; i < count; i++) {
            budget.onRequest();
        }
    }

    @Test
    void aQuietPoolMayStillRetryTheMinimumPerSecond() {
        RetryBudget budget = new RetryBudget(0.1, 10, clock);

        assertThat(withdrawAll(budget)).isEqualTo(10);
    }

    @Test
    void theMinimumRefillsOverTime() {
        RetryBudget budget = new RetryBudget(0.1, 10, clock);
        withdrawAll(budget);

        clock.advanceMillis(100);

        assertThat(withdrawAll(budget)).isEqualTo(1);
    }

    @Test
    void theMinimumDoesNotAccumulateBeyondOneSecondsWorth() {
        RetryBudget budget = new RetryBudget(0.1, 10, clock);
        withdrawAll(budget);

        clock.advanceMillis(60_000);

        assertThat(withdrawAll(budget)).isEqualTo(10);
    }

    @Test
    void eachRequestDepositsTheRatioOfARetry() {
        RetryBudget budget = new RetryBudget(0.1, 0, clock);

        requests(budget, 1_000);

        assertThat(withdrawAll(budget)).isEqualTo(100);
    }

    @Test
    void whenTheBudgetIsSpentRetriesAreRefusedUntilNewRequestsArrive() {
        RetryBudget budget = new RetryBudget(0.1, 0, clock);
        requests(budget, 50);
        withdrawAll(budget);

        assertThat(budget.tryWithdraw()).isFalse();

        requests(budget, 10);
        assertThat(budget.tryWithdraw()).isTrue();
        assertThat(budget.tryWithdraw()).isFalse();
    }

    @Test
    void depositsFadeSoThatAHealthySpellDoesNotBankARetryStorm() {
        RetryBudget budget = new RetryBudget(0.1, 0, clock);
        requests(budget, 10_000);
        assertThat(budget.available()).isEqualTo(1_000.0);

        clock.advanceMillis(60_000); // six time constants later: e^-6 of it is left

        assertThat(budget.available()).isLessThan(3.0);
    }

    @Test
    void aSteadyRequestRateKeepsAboutTenSecondsOfDeposits() {
        RetryBudget budget = new RetryBudget(0.1, 0, clock);
        for (int second = 0; second < 120; second++) {
            requests(budget, 100);
            clock.advanceMillis(1_000);
            budget.available();
        }

        // 100 requests/s × 0.1 × 10 s
        assertThat(budget.available()).isBetween(90.0, 101.0);
    }

    @Test
    void duringAnOutageRetriesStayNearTheRatioOfRequests() {
        RetryBudget budget = new RetryBudget(0.1, 10, clock);
        withdrawAll(budget); // whatever was banked is gone in the first instant of the outage
        int retries = 0;
        int requestsMade = 0;
        for (int tick = 0; tick < 5_000; tick++) { // 5 s at 1 ms per tick, 10 requests per tick
            for (int i = 0; i < 10; i++) {
                budget.onRequest();
                requestsMade++;
                for (int attempt = 0; attempt < 3 && budget.tryWithdraw(); attempt++) {
                    retries++;
                }
            }
            clock.advanceMillis(1);
        }

        // 10 % of 50 000 requests, plus the minimum of 10 per second
        assertThat(retries).isLessThanOrEqualTo((int) (requestsMade * 0.1) + 5 * 10 + 1);
        assertThat(retries).isGreaterThan((int) (requestsMade * 0.1 * 0.9));
    }

    @Test
    void aZeroRatioAndZeroMinimumRefusesEveryRetry() {
        RetryBudget budget = new RetryBudget(0, 0, clock);
        requests(budget, 1_000);

        assertThat(budget.tryWithdraw()).isFalse();
    }
}
