package io.redispoolagent.sample.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void statuses() {
        assertThat(Failure.forStatus(200)).isNull();
        assertThat(Failure.forStatus(204)).isNull();
        assertThat(Failure.forStatus(401)).isEqualTo("http_401");
        assertThat(Failure.forStatus(503)).isEqualTo("http_503");
    }

    @Test
    void exceptions() {
        assertThat(Failure.forException(new SocketTimeoutException("Read timed out")))
                .isEqualTo("timeout");
        assertThat(Failure.forException(new SocketTimeoutException("connect timed out")))
                .isEqualTo("timeout");
        assertThat(Failure.forException(new ConnectException("Connection refused")))
                .isEqualTo("connection_error");
        assertThat(Failure.forException(new SocketException("Connection reset")))
                .isEqualTo("connection_error");
        assertThat(Failure.forException(new IOException("Premature EOF"))).isEqualTo("connection_error");
    }
}
