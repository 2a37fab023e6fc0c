package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.retry.RetryPolicy;
import java.lang.ref.WeakReference;

/**
 * What the agent keeps of one Jedis 4–8 {@code Connection}: the client configuration its handshake
 * received (what a reconnect replays), and, once a pool has made a {@code Jedis} around it, that {@code
 * Jedis} and the pool's policy. Then it tracks what a reconnect could not restore (a WATCH, a
 * transaction, the application's own AUTH or CLIENT SETNAME…) and the database the connection is on.
 *
 * <p>Not thread-safe, and need not be: a connection belongs to one {@code Jedis}, which one thread
 * uses at a time, and the pool hands it from thread to thread through its own locks.
 */
public final class PooledConnection {

    private Object clientConfig;
    private WeakReference<Object> jedis;
    private RetryPolicy policy;
    private boolean requireMaster;
    private int handshakeDepth;
    private boolean poisoned;
    private boolean tainted;
    private boolean watching;
    private boolean inMulti;
    private int database;

    /** The command in flight: attempts so far and the start for the deadline. */
    int attempts;

    long startNanos;

    /** A handshake begins on a new socket, so on database 0. */
    void handshakeStarted(Object config) {
        clientConfig = config;
        handshakeDepth++;
        database = 0;
    }

    void handshakeEnded() {
        handshakeDepth--;
    }

    /** Inside the connection's handshake or the agent's reconnect: sends are the client's own. */
    boolean handshaking() {
        return handshakeDepth > 0;
    }

    /** A pool made {@code owner} around this connection: its commands may now be retried with {@code retryPolicy}. */
    void adopt(Object owner, RetryPolicy retryPolicy, boolean sentinel) {
        jedis = new WeakReference<>(owner);
        policy = retryPolicy;
        requireMaster = sentinel;
    }

    /** The pooled {@code Jedis} that owns this connection, or null when none does (or it is gone). */
    Object jedis() {
        return jedis == null ? null : jedis.get();
    }

    RetryPolicy policy() {
        return policy;
    }

    Object clientConfig() {
        return clientConfig;
    }

    boolean requiresMaster() {
        return requireMaster;
    }

    int database() {
        return database;
    }

    /** Records a command sent outside the typed path; the client's own handshake sends taint nothing. */
    void sent(ConnectionStateCommand command, int selectedDatabase) {
        switch (command) {
            case WATCH:
                watching = true;
                break;
            case UNWATCH:
                watching = false;
                break;
            case MULTI:
                inMulti = true;
                break;
            case END_TRANSACTION:
                inMulti = false;
                watching = false;
                break;
            case SELECT:
                database = selectedDatabase;
                break;
            case TAINT:
                tainted |= !handshaking();
                break;
            default:
                break;
        }
    }

    /**
     * True when a reconnect would give the command the connection it had: nothing the handshake cannot
     * restore, and the database the connection is on is the one its {@code Jedis} believes (a SELECT sent
     * raw, or one that failed, leaves them apart).
     */
    boolean restorable(int jedisDatabase) {
        return clientConfig != null && !tainted && !watching && !inMulti && jedisDatabase == database;
    }

    /** From the start of a reconnect until its handshake succeeded: the connection must not reconnect on its own. */
    void poison() {
        poisoned = true;
        handshakeDepth++;
    }

    void reconnected() {
        poisoned = false;
    }

    void reconnectEnded() {
        handshakeDepth--;
    }

    /** True when a socket opened now would skip the handshake: unauthenticated, on database 0. */
    boolean refusesToConnect() {
        return poisoned && !handshaking();
    }
}
