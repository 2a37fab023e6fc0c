package io.redispoolagent.retry;

import static io.redispoolagent.retry.ClientExceptions.jedis;
import static io.redispoolagent.retry.ClientExceptions.lettuce;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Exceptions as the clients throw them (class names and messages from their sources) and what they mean. */
class FailureClassifierTest {

    private static FailureKind classify(Throwable failure) {
        return FailureClassifier.classify(failure);
    }

    // --- Jedis: connect failures, the command was never sent

    @Test
    void jedis3LazyConnectRefusedIsAConnectFailure() {
        assertThat(classify(jedis(
                        "JedisConnectionException",
                        "java.net.ConnectException: Connection refused",
                        new ConnectException("Connection refused"))))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void jedis4FailedToConnectIsAConnectFailure() {
        assertThat(classify(jedis("JedisConnectionException", "Failed to connect to 127.0.0.1:6379.")))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void aConnectTimeoutIsAConnectFailureNotACommandTimeout() {
        assertThat(classify(jedis("JedisConnectionException", "x", new SocketTimeoutException("Connect timed out"))))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
        assertThat(classify(jedis("JedisConnectionException", "x", new SocketTimeoutException("connect timed out"))))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void anUnknownHostIsAConnectFailure() {
        assertThat(classify(jedis("JedisConnectionException", "x", new UnknownHostException("redis.invalid"))))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void jedis3PoolThatCannotCreateAConnectionIsAConnectFailure() {
        RuntimeException fromFactory = jedis(
                "JedisConnectionException",
                "java.net.ConnectException: Connection refused",
                new ConnectException("Connection refused"));
        assertThat(classify(jedis("JedisConnectionException", "Could not get a resource from the pool", fromFactory)))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void aPooledConnectionThatFailsValidationIsAConnectFailure() {
        NoSuchElementException invalid = new NoSuchElementException("Unable to validate object");
        assertThat(classify(jedis("JedisException", "Could not get a resource from the pool", invalid)))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
        // Jedis 3 calls a validation failure without cause "exhausted": the message tells the truth.
        assertThat(classify(jedis(
                        "JedisExhaustedPoolException",
                        "Could not get a resource since the pool is exhausted",
                        invalid)))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void jedis5RefusingToWriteOnABrokenConnectionIsBeforeTheWrite() {
        assertThat(classify(jedis(
                        "JedisConnectionException",
                        "Attempting to write to a broken connection.",
                        new SocketException("Connection reset"))))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    // --- Jedis: after the write

    @Test
    void aConnectionResetWhileReadingIsABrokenConnection() {
        assertThat(classify(jedis(
                        "JedisConnectionException",
                        "java.net.SocketException: Connection reset",
                        new SocketException("Connection reset"))))
                .isEqualTo(FailureKind.CONNECTION_BROKEN);
    }

    @Test
    void aBrokenPipeIsABrokenConnection() {
        assertThat(classify(jedis(
                        "JedisConnectionException",
                        "java.net.SocketException: Broken pipe",
                        new SocketException("Broken pipe (Write failed)"))))
                .isEqualTo(FailureKind.CONNECTION_BROKEN);
    }

    @Test
    void anUnexpectedEndOfStreamIsABrokenConnection() {
        assertThat(classify(jedis("JedisConnectionException", "Unexpected end of stream.")))
                .isEqualTo(FailureKind.CONNECTION_BROKEN);
    }

    @Test
    void aReadTimeoutIsATimeout() {
        assertThat(classify(jedis(
                        "JedisConnectionException",
                        "java.net.SocketTimeoutException: Read timed out",
                        new SocketTimeoutException("Read timed out"))))
                .isEqualTo(FailureKind.TIMEOUT);
    }

    // --- Jedis: not retryable

    @Test
    void anErrorReplyIsAServerErrorReply() {
        assertThat(classify(jedis(
                        "JedisDataException", "WRONGTYPE Operation against a key holding the wrong kind of value")))
                .isEqualTo(FailureKind.SERVER_ERROR_REPLY);
        assertThat(classify(jedis("JedisNoScriptException", "NOSCRIPT No matching script")))
                .isEqualTo(FailureKind.SERVER_ERROR_REPLY);
    }

    @Test
    void aFailedAuthWhileConnectingIsAServerErrorReplyNotAConnectFailure() {
        RuntimeException auth = jedis("JedisDataException", "WRONGPASS invalid username-password pair");
        assertThat(classify(jedis("JedisConnectionException", "Could not get a resource from the pool", auth)))
                .isEqualTo(FailureKind.SERVER_ERROR_REPLY);
    }

    @Test
    void movedAndAskAreClusterRedirects() {
        assertThat(classify(jedis("JedisMovedDataException", "MOVED 3999 127.0.0.1:6381")))
                .isEqualTo(FailureKind.CLUSTER_REDIRECT);
        assertThat(classify(jedis("JedisAskDataException", "ASK 3999 127.0.0.1:6381")))
                .isEqualTo(FailureKind.CLUSTER_REDIRECT);
    }

    @Test
    void poolExhaustionIsRecognisedInEveryJedisVersion() {
        NoSuchElementException timeout =
                new NoSuchElementException("Timeout waiting for idle object, maxWaitDuration=PT1S");
        // Jedis 3
        assertThat(classify(jedis(
                        "JedisExhaustedPoolException",
                        "Could not get a resource since the pool is exhausted",
                        new NoSuchElementException("Timeout waiting for idle object"))))
                .isEqualTo(FailureKind.POOL_EXHAUSTED);
        // Jedis 4+
        assertThat(classify(jedis("JedisException", "Could not get a resource from the pool", timeout)))
                .isEqualTo(FailureKind.POOL_EXHAUSTED);
        // when exhausted and not blocking
        assertThat(classify(new NoSuchElementException("Pool exhausted"))).isEqualTo(FailureKind.POOL_EXHAUSTED);
    }

    @Test
    void theClusterClientsOwnGiveUpIsNotRetriedAgain() {
        assertThat(classify(jedis(
                        "JedisClusterOperationException",
                        "No more cluster attempts left.",
                        jedis("JedisConnectionException", "x", new SocketException("Connection reset")))))
                .isEqualTo(FailureKind.OTHER);
    }

    // --- Lettuce

    @Test
    void lettuceUnableToConnectIsAConnectFailure() {
        assertThat(classify(lettuce(
                        "RedisConnectionException",
                        "Unable to connect to localhost/127.0.0.1:6379",
                        new ConnectException("Connection refused"))))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void lettuceRejectingCommandsWhileDisconnectedIsBeforeTheWrite() {
        assertThat(classify(lettuce("RedisException", "Currently not connected. Commands are rejected.")))
                .isEqualTo(FailureKind.CONNECT_FAILURE);
    }

    @Test
    void lettuceCommandsCancelledWithTheirChannelMayHaveRun() {
        assertThat(classify(lettuce("RedisException", "Connection closed"))).isEqualTo(FailureKind.CONNECTION_BROKEN);
        assertThat(classify(new IOException("Connection reset by peer"))).isEqualTo(FailureKind.CONNECTION_BROKEN);
    }

    @Test
    void aConnectionTheApplicationClosedIsNotRetried() {
        assertThat(classify(lettuce("RedisException", "Connection is closed"))).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void lettuceCommandTimeoutIsATimeout() {
        assertThat(classify(lettuce("RedisCommandTimeoutException", "Command timed out after 1 minute(s)")))
                .isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void lettuceErrorRepliesAreServerErrorReplies() {
        assertThat(classify(lettuce("RedisCommandExecutionException", "WRONGTYPE Operation against a key")))
                .isEqualTo(FailureKind.SERVER_ERROR_REPLY);
        assertThat(classify(lettuce("RedisLoadingException", "LOADING Redis is loading the dataset in memory")))
                .isEqualTo(FailureKind.SERVER_ERROR_REPLY);
        assertThat(classify(lettuce("RedisCommandExecutionException", "MOVED 3999 127.0.0.1:6381")))
                .isEqualTo(FailureKind.CLUSTER_REDIRECT);
    }

    @Test
    void lettuceFailuresArriveWrappedInExecutionExceptions() {
        assertThat(classify(new java.util.concurrent.ExecutionException(
                        lettuce("RedisCommandTimeoutException", "Command timed out"))))
                .isEqualTo(FailureKind.TIMEOUT);
    }

    // --- anything else

    @Test
    void theApplicationsOwnExceptionsAreOther() {
        assertThat(classify(new IllegalStateException("boom"))).isEqualTo(FailureKind.OTHER);
        assertThat(classify(new NoSuchElementException())).isEqualTo(FailureKind.OTHER);
        assertThat(classify(lettuce("RedisCommandInterruptedException", "Command interrupted")))
                .isEqualTo(FailureKind.OTHER);
    }

    @Test
    void anEndOfFileIsABrokenConnection() {
        assertThat(classify(new EOFException())).isEqualTo(FailureKind.CONNECTION_BROKEN);
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(classify(b)).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void onlyConnectionFailuresAndTimeoutsAreRetryable() {
        assertThat(FailureKind.CONNECT_FAILURE.retryable()).isTrue();
        assertThat(FailureKind.CONNECT_FAILURE.beforeWrite()).isTrue();
        assertThat(FailureKind.CONNECTION_BROKEN.retryable()).isTrue();
        assertThat(FailureKind.CONNECTION_BROKEN.beforeWrite()).isFalse();
        assertThat(FailureKind.TIMEOUT.retryable()).isTrue();
        assertThat(FailureKind.TIMEOUT.beforeWrite()).isFalse();
        for (FailureKind kind : new FailureKind[] {
            FailureKind.SERVER_ERROR_REPLY, FailureKind.POOL_EXHAUSTED, FailureKind.CLUSTER_REDIRECT, FailureKind.OTHER
        }) {
            assertThat(kind.retryable()).as(kind.name()).isFalse();
        }
    }
}
