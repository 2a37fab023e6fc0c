package io.redispoolagent.instrument.jedis.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.retry.Backoff;
import io.redispoolagent.retry.NanoClock;
import io.redispoolagent.retry.RetryBudget;
import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.retry.RetryPolicy;
import io.redispoolagent.retry.RetrySettings;
import io.redispoolagent.retry.RetryStats;
import io.redispoolagent.retry.Safety;
import io.redispoolagent.runtime.InstalledRuntime;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Jedis 4–8 retry glue, with stand-ins for CommandObject / CommandArguments / Rawable. */
class JedisCommandRetryTest {

    /** Like Jedis' Rawable. */
    public static final class Raw {
        private final byte[] raw;

        Raw(String text) {
            raw = text.getBytes(StandardCharsets.UTF_8);
        }

        public byte[] getRaw() {
            return raw;
        }
    }

    /** Like CommandObject: getArguments() is an Iterable whose first element is the command. */
    public static final class Command {
        private final List<Raw> args = new ArrayList<>();

        Command(String... words) {
            for (String word : words) {
                args.add(new Raw(word));
            }
        }

        public Iterable<Raw> getArguments() {
            return args;
        }
    }

    private static RetryPolicy policy() {
        RetrySettings settings = RetrySettings.builder()
                .enabled(true)
                .initialBackoffMillis(0)
                .jitter(false)
                .build();
        return new RetryPolicy(
                settings,
                settings.commandSafety(),
                Backoff.of(settings),
                RetryBudget.of(settings, NanoClock.SYSTEM),
                new RetryStats(),
                NanoClock.SYSTEM);
    }

    @Test
    void successCostsNothingAndCountsRecoveriesOnly() {
        RetryPolicy policy = policy();
        assertThat(JedisCommandRetry.retry(policy, null, new Command("GET", "k"), 1, policy.begin()))
                .isFalse();
        assertThat(policy.stats().count(RetryOutcome.RECOVERED)).isZero();
        assertThat(JedisCommandRetry.retry(policy, null, new Command("GET", "k"), 2, policy.begin()))
                .isFalse();
        assertThat(policy.stats().count(RetryOutcome.RECOVERED)).isEqualTo(1);
    }

    @Test
    void brokenConnectionRetriesOnlyCommandsSafeToRepeat() {
        RetryPolicy policy = policy();
        long start = policy.begin();
        SocketException reset = new SocketException("Connection reset");
        assertThat(JedisCommandRetry.retry(policy, reset, new Command("GET", "k"), 1, start))
                .isTrue();
        assertThat(JedisCommandRetry.retry(policy, reset, new Command("HSET", "h", "f", "v"), 1, start))
                .isTrue();
        assertThat(JedisCommandRetry.retry(policy, reset, new Command("INCR", "c"), 1, start))
                .isFalse();
        assertThat(JedisCommandRetry.retry(policy, reset, new Command("LPUSH", "l", "x"), 1, start))
                .isFalse();
        assertThat(JedisCommandRetry.retry(policy, reset, new Command("BLPOP", "l", "0"), 1, start))
                .isFalse();
        assertThat(policy.stats().count(RetryOutcome.NOT_SAFE)).isEqualTo(3);
    }

    @Test
    void connectFailureRetriesEvenNonIdempotentWritesButNeverTransactions() {
        RetryPolicy policy = policy();
        long start = policy.begin();
        ConnectException refused = new ConnectException("Connection refused");
        assertThat(JedisCommandRetry.retry(policy, refused, new Command("INCR", "c"), 1, start))
                .isTrue();
        assertThat(JedisCommandRetry.retry(policy, refused, new Command("MULTI"), 1, start))
                .isFalse();
        assertThat(JedisCommandRetry.retry(policy, refused, new Command("GET", "k"), 4, start))
                .as("attempts used up")
                .isFalse();
    }

    @Test
    void unreadableCommandIsNeverRetried() {
        RetryPolicy policy = policy();
        assertThat(JedisCommands.safety(policy, new Object())).isEqualTo(Safety.NEVER);
        assertThat(JedisCommandRetry.retry(policy, new ConnectException("refused"), "not a command", 1, policy.begin()))
                .isFalse();
        assertThat(JedisCommands.rawArguments(new Command("SET", "k", "v")).length)
                .isEqualTo(3);
    }

    @Test
    void retryOffMeansNoPolicyAtAll() {
        try (InstalledRuntime ignored = InstalledRuntime.with("retry.enabled=false")) {
            assertThat(JedisCommandRetry.policy(new Object())).isNull();
        }
    }

    @Test
    void unknownExecutorGetsNoPolicy() {
        try (InstalledRuntime ignored = InstalledRuntime.with("retry.enabled=true")) {
            assertThat(JedisCommandRetry.policy(new Object()))
                    .as("no provider field: not retried")
                    .isNull();
        }
    }
}
