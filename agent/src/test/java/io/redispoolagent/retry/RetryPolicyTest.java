package io.redispoolagent.retry;

import static io.redispoolagent.retry.ClientExceptions.jedis;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a failed command is retried, after what pause, and what is counted. */
class RetryPolicyTest {

    private static final byte[][] NO_ARGS = new byte[0][];
    private static final RuntimeException CONNECT_REFUSED = jedis(
            "JedisConnectionException",
            "Failed to connect to 127.0.0.1:6379.",
            new ConnectException("Connection refused"));
    private static final RuntimeException CONNECTION_RESET = jedis(
            "JedisConnectionException",
            "java.net.SocketException: Connection reset",
            new SocketException("Connection reset"));

    private final ManualClock clock = new ManualClock();

    private CommandSafety commands;

    /** A policy whose jitter, when on, always picks the longest pause. */
    private RetryPolicy policy(RetrySettings settings) {
        commands = settings.commandSafety();
        Backoff backoff = new Backoff(
                settings.initialBackoffMillis(),
                settings.maxBackoffMillis(),
                settings.multiplier(),
                settings.jitter(),
                () -> 0.999_999_999);
        return new RetryPolicy(settings, commands, backoff, RetryBudget.of(settings, clock), new RetryStats(), clock);
    }

    /** The decision on {@code failure} of {@code command}, classified as the instrumentation classifies it. */
    private RetryDecision failed(
            RetryPolicy retry, Throwable failure, String command, byte[][] args, int attempts, long startNanos) {
        return retry.decide(
                FailureClassifier.classify(failure), commands.classify(command, args), attempts, startNanos);
    }

    private RetryPolicy policy() {
        return policy(RetrySettings.DEFAULTS.toBuilder().jitter(false).build());
    }

    private static long millis(long value) {
        return TimeUnit.MILLISECONDS.toNanos(value);
    }

    @Test
    void aReadIsRetriedAfterABrokenConnectionWithTheFirstPause() {
        RetryPolicy retry = policy();
        long start = retry.begin();

        RetryDecision decision = failed(retry, CONNECTION_RESET, "GET", NO_ARGS, 1, start);

        assertThat(decision.retry()).isTrue();
        assertThat(decision.delayMillis()).isEqualTo(8);
        assertThat(retry.stats().count(RetryOutcome.RETRIED)).isEqualTo(1);
    }

    @Test
    void theThreeRetriesPauseFor8_32And128MillisecondsThenGiveUp() {
        RetryPolicy retry = policy();
        long start = retry.begin();

        assertThat(retry.decide(FailureKind.CONNECTION_BROKEN, Safety.READ, 1, start)
                        .delayNanos())
                .isEqualTo(millis(8));
        assertThat(retry.decide(FailureKind.CONNECTION_BROKEN, Safety.READ, 2, start)
                        .delayNanos())
                .isEqualTo(millis(32));
        assertThat(retry.decide(FailureKind.CONNECTION_BROKEN, Safety.READ, 3, start)
                        .delayNanos())
                .isEqualTo(millis(128));
        assertThat(retry.decide(FailureKind.CONNECTION_BROKEN, Safety.READ, 4, start))
                .isEqualTo(RetryDecision.giveUp(GiveUpReason.ATTEMPTS));
        assertThat(retry.stats().count(RetryOutcome.GAVE_UP)).isEqualTo(1);
    }

    @Test
    void anIdempotentWriteIsRetriedAfterABrokenConnection() {
        RetryPolicy retry = policy();

        assertThat(failed(
                                retry,
                                CONNECTION_RESET,
                                "SET",
                                new byte[][] {"k".getBytes(), "v".getBytes()},
                                1,
                                retry.begin())
                        .retry())
                .isTrue();
    }

    @Test
    void aNonIdempotentCommandIsNotRetriedWhenItMayHaveRun() {
        RetryPolicy retry = policy();

        RetryDecision decision =
                failed(retry, CONNECTION_RESET, "INCR", new byte[][] {"k".getBytes()}, 1, retry.begin());

        assertThat(decision).isEqualTo(RetryDecision.giveUp(GiveUpReason.NOT_SAFE));
        assertThat(retry.stats().count(RetryOutcome.NOT_SAFE)).isEqualTo(1);
    }

    @Test
    void aNonIdempotentCommandIsNotRetriedAfterATimeout() {
        RetryPolicy retry = policy();

        assertThat(retry.decide(FailureKind.TIMEOUT, Safety.NON_IDEMPOTENT, 1, retry.begin())
                        .reason())
                .isEqualTo(GiveUpReason.NOT_SAFE);
        assertThat(retry.decide(FailureKind.TIMEOUT, Safety.READ, 1, retry.begin())
                        .retry())
                .isTrue();
    }

    @Test
    void aNonIdempotentCommandIsRetriedWhenTheFailureCameBeforeTheWrite() {
        RetryPolicy retry = policy();

        assertThat(failed(retry, CONNECT_REFUSED, "INCR", new byte[][] {"k".getBytes()}, 1, retry.begin())
                        .retry())
                .isTrue();
    }

    @Test
    void aNeverCommandIsNotRetriedEvenBeforeTheWrite() {
        RetryPolicy retry = policy();

        assertThat(failed(retry, CONNECT_REFUSED, "MULTI", NO_ARGS, 1, retry.begin())
                        .reason())
                .isEqualTo(GiveUpReason.NOT_SAFE);
        assertThat(failed(
                                retry,
                                CONNECT_REFUSED,
                                "BLPOP",
                                new byte[][] {"l".getBytes(), "0".getBytes()},
                                1,
                                retry.begin())
                        .reason())
                .isEqualTo(GiveUpReason.NOT_SAFE);
    }

    @Test
    void errorRepliesPoolExhaustionAndRedirectsAreNeverRetried() {
        RetryPolicy retry = policy();
        long start = retry.begin();

        assertThat(failed(
                                retry,
                                jedis("JedisDataException", "WRONGTYPE Operation against a key"),
                                "GET",
                                NO_ARGS,
                                1,
                                start)
                        .reason())
                .isEqualTo(GiveUpReason.NOT_RETRYABLE);
        assertThat(failed(
                                retry,
                                new NoSuchElementException("Timeout waiting for idle object"),
                                "GET",
                                NO_ARGS,
                                1,
                                start)
                        .reason())
                .isEqualTo(GiveUpReason.NOT_RETRYABLE);
        assertThat(failed(retry, jedis("JedisMovedDataException", "MOVED 1 127.0.0.1:7000"), "GET", NO_ARGS, 1, start)
                        .reason())
                .isEqualTo(GiveUpReason.NOT_RETRYABLE);
        assertThat(retry.stats().count(RetryOutcome.NOT_RETRYABLE)).isEqualTo(3);
    }

    @Test
    void noRetryStartsWhosePauseWouldEndPastTheDeadline() {
        RetryPolicy retry = policy(); // deadline 1 s
        long start = retry.begin();

        clock.advanceMillis(990);

        assertThat(retry.decide(FailureKind.CONNECTION_BROKEN, Safety.READ, 1, start)
                        .retry())
                .isTrue(); // 990 + 8
        assertThat(retry.decide(FailureKind.CONNECTION_BROKEN, Safety.READ, 2, start))
                .isEqualTo(RetryDecision.giveUp(GiveUpReason.DEADLINE)); // 990 + 32
        assertThat(retry.stats().count(RetryOutcome.GAVE_UP)).isEqualTo(1);
    }

    @Test
    void whenTheBudgetIsSpentTheFailureGoesToTheCallerAtOnce() {
        RetryPolicy retry = policy(RetrySettings.DEFAULTS.toBuilder()
                .budgetRatio(0)
                .budgetMinPerSecond(2)
                .build());
        long start = retry.begin();

        assertThat(retry.decide(FailureKind.CONNECT_FAILURE, Safety.READ, 1, start)
                        .retry())
                .isTrue();
        assertThat(retry.decide(FailureKind.CONNECT_FAILURE, Safety.READ, 1, start)
                        .retry())
                .isTrue();
        assertThat(retry.decide(FailureKind.CONNECT_FAILURE, Safety.READ, 1, start))
                .isEqualTo(RetryDecision.giveUp(GiveUpReason.BUDGET));
        assertThat(retry.stats().count(RetryOutcome.BUDGET_DENIED)).isEqualTo(1);
    }

    @Test
    void refusedRetriesTakeNothingFromTheBudget() {
        RetryPolicy retry = policy(RetrySettings.DEFAULTS.toBuilder()
                .budgetRatio(0)
                .budgetMinPerSecond(1)
                .build());
        long start = retry.begin();

        retry.decide(FailureKind.CONNECTION_BROKEN, Safety.NON_IDEMPOTENT, 1, start); // not safe
        retry.decide(FailureKind.SERVER_ERROR_REPLY, Safety.READ, 1, start); // not retryable

        assertThat(retry.decide(FailureKind.CONNECTION_BROKEN, Safety.READ, 1, start)
                        .retry())
                .isTrue();
    }

    @Test
    void aCommandThatSucceedsAfterARetryIsCountedAsRecovered() {
        RetryPolicy retry = policy();

        retry.onSuccess(1);
        retry.onSuccess(2);

        assertThat(retry.stats().count(RetryOutcome.RECOVERED)).isEqualTo(1);
    }

    @Test
    void aDisabledPolicyNeverRetriesAndCountsNothing() {
        RetryPolicy retry =
                policy(RetrySettings.DEFAULTS.toBuilder().enabled(false).build());

        assertThat(retry.enabled()).isFalse();
        assertThat(retry.decide(FailureKind.CONNECT_FAILURE, Safety.READ, 1, retry.begin()))
                .isEqualTo(RetryDecision.giveUp(GiveUpReason.DISABLED));
        assertThat(retry.stats().snapshot().values()).containsOnly(0L);
    }

    @Test
    void oneAttemptInAllMeansNoRetry() {
        RetryPolicy retry =
                policy(RetrySettings.DEFAULTS.toBuilder().maxAttempts(1).build());

        assertThat(retry.decide(FailureKind.CONNECT_FAILURE, Safety.READ, 1, retry.begin())
                        .reason())
                .isEqualTo(GiveUpReason.ATTEMPTS);
    }

    @Test
    void theUsersListsChangeWhatIsRetried() {
        RetryPolicy retry = policy(RetrySettings.DEFAULTS.toBuilder()
                .idempotent(java.util.Collections.singletonList("INCR"))
                .never(java.util.Collections.singletonList("GET"))
                .build());
        long start = retry.begin();

        assertThat(failed(retry, CONNECTION_RESET, "INCR", NO_ARGS, 1, start).retry())
                .isTrue();
        assertThat(failed(retry, CONNECTION_RESET, "GET", NO_ARGS, 1, start).reason())
                .isEqualTo(GiveUpReason.NOT_SAFE);
    }

    @Test
    void giveUpDecisionsAreSharedAndRetryDecisionsRoundTheirPauseUp() {
        assertThat(RetryDecision.giveUp(GiveUpReason.BUDGET)).isSameAs(RetryDecision.giveUp(GiveUpReason.BUDGET));
        assertThat(RetryDecision.retryAfter(millis(4) + 1).delayMillis()).isEqualTo(5);
        assertThat(RetryDecision.giveUp(GiveUpReason.BUDGET).delayMillis()).isEqualTo(-1);
    }

    @Test
    void pauseReturnsFalseAndKeepsTheInterruptWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThat(RetryPolicy.pause(RetryDecision.retryAfter(millis(1)))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
