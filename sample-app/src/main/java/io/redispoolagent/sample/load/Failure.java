package io.redispoolagent.sample.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** Names the cause of a failed request, as used in {@code failuresByCause}: http_503, timeout, connection_error. */
public final class Failure {
    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION_ERROR = "connection_error";

    private Failure() {}

    /** The cause key for a response status, or null when the status counts as success (2xx). */
    public static String forStatus(int status) {
        return status >= 200 && status < 300 ? null : "http_" + status;
    }

    /** The cause key for an I/O failure: a timeout (connect or read) or any other connection error. */
    public static String forException(IOException e) {
        if (e instanceof SocketTimeoutException || e.getClass() == InterruptedIOException.class) {
            return TIMEOUT;
        }
        return CONNECTION_ERROR;
    }
}
