package io.redispoolagent.it.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import java.util.HashMap;
import java.util.Map;

/** A child's figures: the RESULT line and the agent's RETRY line for the pool. */
final class RetryRun {
    final String label;
    final ChildJvm.Result child;
    final Map<String, Long> result = new HashMap<>();
    final Map<String, Long> retry = new HashMap<>();

    RetryRun(String label, ChildJvm.Result child) {
        this.label = label;
        this.child = child;
        for (String line : child.stdoutLines()) {
            if (line.startsWith("RESULT ")) {
                parse(line, result);
            } else if (line.startsWith("RETRY pool=") && !line.startsWith("RETRY pool=(fallback)")) {
                parse(line, retry);
            }
        }
    }

    private static void parse(String line, Map<String, Long> into) {
        for (String pair : line.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    into.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                } catch (NumberFormatException notANumber) {
                    // the pool name
                }
            }
        }
    }

    /**
     * A write the application sent ({@code acked} acknowledged, {@code errors} failed) is on the server
     * ({@code server}) at least once per acknowledgement and at most once per attempt: never twice.
     */
    void assertNeverAppliedTwice(String acked, String errors, String server) {
        assertThat(result(server))
                .as("%s: %s >= acknowledged\n%s", label, server, child)
                .isGreaterThanOrEqualTo(result(acked));
        assertThat(result(server))
                .as("%s: %s <= acknowledged + errors\n%s", label, server, child)
                .isLessThanOrEqualTo(result(acked) + result(errors));
    }

    long result(String key) {
        Long value = result.get(key);
        assertThat(value).as("%s in the RESULT line\n%s", key, child).isNotNull();
        return value;
    }

    long retry(String key) {
        return retry.getOrDefault(key, 0L);
    }

    long errors() {
        return result("errors");
    }

    long calls() {
        return result("ok") + result("errors");
    }
}
