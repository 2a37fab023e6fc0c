package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.metrics.LatencyHistogram;
import io.redispoolagent.metrics.PoolGauges;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class ExhaustionReportTest {

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, type + ".java", 7);
    }

    @Test
    void namesThePoolsStateAndEachHolderWithItsFramesNow() {
        LatencyHistogram waits = new LatencyHistogram();
        waits.record(500_000_000L);
        Holders.Holder holder = new Holders.Holder("checkout-1", 1_234, new StackTraceElement[] {
            frame("java.lang.Thread", "sleep"), frame("com.example.Checkout", "hold")
        });

        String report = ExhaustionReport.describe(
                "10.0.0.1:6379/0", 500, new PoolGauges(4, 0, 4, 4, 0, 2), waits.snapshot(), Arrays.asList(holder), 3);

        assertThat(report)
                .startsWith("pool 10.0.0.1:6379/0 is exhausted: a borrow waited 500 ms and timed out;"
                        + " 4 of 4 connections in use, 2 threads waiting, wait p99 ~")
                .contains("(3 more timeouts since the last report)")
                .contains("\n  thread \"checkout-1\", for 1234 ms, now:\n\tat java.lang.Thread.sleep(")
                .contains("\n\tat com.example.Checkout.hold(");
    }

    @Test
    void saysSoWhenNoHolderIsKnown() {
        String report = ExhaustionReport.describe(
                "p", 10, null, new LatencyHistogram().snapshot(), Collections.<Holders.Holder>emptyList(), 0);

        assertThat(report).isEqualTo("pool p is exhausted: a borrow waited 10 ms and timed out; no holder is known.");
    }
}
