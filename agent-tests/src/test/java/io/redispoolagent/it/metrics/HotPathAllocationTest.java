package io.redispoolagent.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.ClientMatrix;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.scenarios.BorrowAllocationApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A borrow and return through the agent allocates nothing more than without it. Interpreted
 * ({@code -Xint}), so that every allocation the agent's bytecode makes is counted: the JIT's escape
 * analysis cannot hide one here that a cold or megamorphic call site would make in production.
 */
class HotPathAllocationTest {

    private static final int BORROWS = 20_000;

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @Test
    void aBorrowAndReturnThroughTheAgentAllocatesNoMoreThanWithout() {
        double without = bytesPerBorrow(null);
        double with = bytesPerBorrow("");

        // Less than one byte per borrow: any object the agent allocated per borrow would add 16 or more.
        assertThat(with - without)
                .as("bytes per borrow added: with %s, without %s", with, without)
                .isLessThan(1.0);
    }

    @Test
    void leakDetectionIsTheOneSettingThatAllocatesPerBorrow() {
        // The control: the same measure sees the stack the leak detector captures at every borrow.
        double without = bytesPerBorrow(null);
        double with = bytesPerBorrow("1m");

        assertThat(with - without)
                .as("bytes per borrow added with leak detection")
                .isGreaterThan(100.0);
    }

    /** {@code leakThreshold} null: no agent; empty: the agent without leak detection. */
    private static double bytesPerBorrow(String leakThreshold) {
        ChildJvm app = ChildJvm.forMain(BorrowAllocationApp.class)
                .client(ClientMatrix.jedis("5.2.0"))
                .args(redis.server().host(), String.valueOf(redis.server().port()), String.valueOf(BORROWS))
                .jvmArgs("-Xint");
        if (leakThreshold != null) {
            app.withAgent().systemProperty("redis.pool.env", "production");
        }
        if (leakThreshold != null && !leakThreshold.isEmpty()) {
            app.systemProperty("redis.pool.leakThreshold", leakThreshold);
        }
        ChildJvm.Result result = app.run();
        assertThat(result.exitCode()).as("%s", result).isZero();
        return result.stdoutLines().stream()
                .filter(line -> line.startsWith(BorrowAllocationApp.LABEL))
                .mapToDouble(line -> Double.parseDouble(line.substring(BorrowAllocationApp.LABEL.length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no allocation figure printed: " + result));
    }
}
