package io.redispoolagent.instrument.jedis.retry;

/**
 * What a command the application sends on a Jedis 4–8 connection outside the typed command path does
 * to the connection's server-side state, as far as a reconnect is concerned. A reconnect replays the
 * connection's handshake and restores the database; it cannot replay anything else, so a connection
 * whose state holds more is not retried.
 */
enum ConnectionStateCommand {
    /** Leaves nothing a reconnect would lose. */
    NONE,
    /** Opens a WATCH: a new connection would silently drop the guard. */
    WATCH,
    /** Ends every WATCH. */
    UNWATCH,
    /** Opens a transaction: a new connection would drop the queued commands. */
    MULTI,
    /** EXEC or DISCARD: ends the transaction and every WATCH. */
    END_TRANSACTION,
    /** Changes the database; the argument is the new one. */
    SELECT,
    /**
     * State the handshake does not restore (the application's own AUTH, HELLO, RESET, CLIENT
     * SETNAME/TRACKING/REPLY…, READONLY) or a connection in a mode of its own (pub/sub, MONITOR): the
     * connection is never retried again.
     */
    TAINT;

    /**
     * The effect of the command named {@code name} (upper case) whose first argument is {@code
     * subcommand} (upper case, or null).
     */
    static ConnectionStateCommand of(String name, String subcommand) {
        if (name == null) {
            return TAINT;
        }
        switch (name) {
            case "WATCH":
                return WATCH;
            case "UNWATCH":
                return UNWATCH;
            case "MULTI":
                return MULTI;
            case "EXEC":
            case "DISCARD":
                return END_TRANSACTION;
            case "SELECT":
                return SELECT;
            case "AUTH":
            case "HELLO":
            case "RESET":
            case "READONLY":
            case "READWRITE":
            case "MONITOR":
            case "SUBSCRIBE":
            case "PSUBSCRIBE":
            case "SSUBSCRIBE":
                return TAINT;
            case "CLIENT":
                return changesClientState(subcommand) ? TAINT : NONE;
            default:
                return NONE;
        }
    }

    /** True when {@code name} alone may have an effect: only then is the subcommand worth reading. */
    static boolean needsSubcommand(String name) {
        return "CLIENT".equals(name);
    }

    private static boolean changesClientState(String subcommand) {
        if (subcommand == null) {
            return true;
        }
        switch (subcommand) {
            case "SETNAME":
            case "SETINFO":
            case "TRACKING":
            case "REPLY":
            case "NO-EVICT":
            case "NO-TOUCH":
                return true;
            default:
                return false;
        }
    }
}
