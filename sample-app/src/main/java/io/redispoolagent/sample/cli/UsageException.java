package io.redispoolagent.sample.cli;

/** Bad command-line input: the message is shown to the user as is, and the process exits with code 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
