package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.retry.FailureClassifier;
import io.redispoolagent.retry.FailureKind;
import io.redispoolagent.retry.RetryDecision;
import io.redispoolagent.retry.RetryPolicy;
import io.redispoolagent.retry.Safety;
import io.redispoolagent.runtime.AgentRuntime;
import io.redispoolagent.util.WeakIdentityTable;
import java.nio.charset.StandardCharsets;

/**
 * Retry for Jedis 3, at its {@code Connection}: what the advice of {@link Jedis3ConnectionInstrumentation}
 * calls. A Jedis 3 command method is {@code client.sendCommand(cmd, args)} then one reply read ({@code
 * getStatusCodeReply()}, {@code getBinaryBulkReply()}…, each a flush and a read). When the read fails on
 * a broken connection and the command may be repeated, the same {@code Jedis} reconnects and sends the
 * command again, and the read runs again.
 *
 * <p>Why the same {@code Jedis} can be reconnected in Jedis 3 (read from the 3.10.0 sources): {@code
 * BinaryClient.connect()} opens a new socket and replays the connection's handshake itself — {@code AUTH}
 * with the user and password the client holds and {@code SELECT} of the database it is on, which {@code
 * Jedis.select} keeps up to date. Before reconnecting, the agent closes the old socket, restores the
 * database number ({@code disconnect()} resets it to 0) and clears {@code Connection.broken}, which Jedis
 * 3 never clears itself. A {@code CLIENT SETNAME} made once at construction is not replayed (the new
 * connection is unnamed in {@code CLIENT LIST}).
 *
 * <p>Never retried here: a command inside {@code MULTI} or after a {@code WATCH} (the new connection would
 * silently drop the transaction or its guard: {@code BinaryClient.isInMulti()/isInWatch()}), a command
 * sent while others on the same connection are unanswered (pipelines: their replies are read by {@code
 * getMany}, not by the reads hooked here), commands the table says are not safe to repeat after the
 * write, {@code JedisCluster} connections, whose client retries connection failures itself, and
 * {@code JedisSentinelPool} connections to the master it was built with (see {@link #findPolicy}). A
 * failure while sending (the write or the lazy connect in {@code sendCommand}) reaches the application
 * as without the agent.
 *
 * <p>Success path: the command's run is kept in a per-thread {@link InFlight} (one object per thread,
 * reused), the connection's policy comes from a lock-free identity cache, and {@link RetryPolicy#begin()}
 * counts the request for the budget; nothing is allocated. The failure path reflects on the client.
 */
public final class Jedis3ConnectionRetry {

    private static final ThreadLocal<InFlight> IN_FLIGHT = new ThreadLocal<InFlight>() {
        @Override
        protected InFlight initialValue() {
            return new InFlight();
        }
    };

    /** Per connection: its pool's policy, the fallback for a connection of no known pool, or {@link #NO_RETRY}. */
    private static final WeakIdentityTable<Object> POLICIES = new WeakIdentityTable<>();

    private static final Object NO_RETRY = new Object();

    private Jedis3ConnectionRetry() {}

    /** Before {@code sendCommand(cmd, args)}: starts a command's run, unless replies are still due. */
    public static void sending(Object connection, Object command, byte[][] args) {
        if (!AgentRuntime.current().retry().enabled()) {
            return;
        }
        InFlight run = IN_FLIGHT.get();
        if (run.reconnecting) {
            return;
        }
        if (run.connection == connection && run.unanswered > 0) {
            run.unanswered++;
            return;
        }
        RetryPolicy policy = policyOf(connection);
        run.start(connection, command, args, policy, policy == null ? 0 : policy.begin());
    }

    /**
     * After a reply read. On success, counts a recovery and ends the run; on a failure, decides, pauses,
     * reconnects and sends the command again, and returns true to read again.
     */
    public static boolean replied(Object connection, Throwable failure) {
        if (!AgentRuntime.current().retry().enabled()) {
            return false;
        }
        InFlight run = IN_FLIGHT.get();
        if (run.reconnecting || run.connection != connection) {
            return false;
        }
        if (failure == null) {
            if (run.attempts > 1) {
                run.policy.onSuccess(run.attempts);
            }
            run.clear();
            return false;
        }
        boolean again = run.policy != null && run.unanswered == 1 && retry(run, failure);
        if (!again) {
            run.clear();
        }
        return again;
    }

    /** After {@code getMany}: the replies due on the connection have been read. */
    public static void pipelineRead(Object connection) {
        if (!AgentRuntime.current().retry().enabled()) {
            return;
        }
        InFlight run = IN_FLIGHT.get();
        if (!run.reconnecting && run.connection == connection) {
            run.clear();
        }
    }

    private static boolean retry(InFlight run, Throwable firstFailure) {
        Jedis3Client client = Jedis3Client.of(run.connection.getClass());
        Throwable failure = firstFailure;
        while (true) {
            FailureKind kind = FailureClassifier.classify(failure);
            Safety safety = kind.retryable() ? safety(client, run) : Safety.NEVER;
            RetryDecision decision = run.policy.decide(kind, safety, run.attempts, run.startNanos);
            if (AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
                AgentLog.debug("jedis " + client.commandName(run.command) + " attempt " + run.attempts + " failed ("
                        + kind + ", " + safety + "): " + failure + " -> " + decision);
            }
            if (!decision.retry() || !RetryPolicy.pause(decision)) {
                return false;
            }
            run.attempts++;
            run.reconnecting = true;
            try {
                client.reconnectAndSend(run.connection, run.command, run.args);
                return true;
            } catch (RuntimeException sendFailed) {
                failure = sendFailed;
            } finally {
                run.reconnecting = false;
            }
        }
    }

    private static Safety safety(Jedis3Client client, InFlight run) {
        if (client.inTransactionOrWatch(run.connection)) {
            return Safety.NEVER;
        }
        byte[] name = client.rawName(run.command);
        return name == null ? Safety.NEVER : run.policy.commands().classify(name, run.args);
    }

    private static RetryPolicy policyOf(Object connection) {
        Object cached = POLICIES.get(connection);
        if (cached == null) {
            cached = POLICIES.putIfAbsent(connection, findPolicy(connection));
        }
        return cached == NO_RETRY ? null : (RetryPolicy) cached;
    }

    /**
     * The policy of the pool the connection belongs to, found by endpoint ({@code host:port} and
     * database, as pools are named); the shared fallback for a connection of no known pool (a {@code
     * Jedis} the application built itself). None for a cluster's node connections (the cluster client
     * retries itself) and for a sentinel pool's connections to the master it was built with: a reconnect
     * goes back to the address the connection was made for, which after a failover may be a replica
     * serving stale reads. Once per connection.
     */
    private static Object findPolicy(Object connection) {
        Jedis3Client client = Jedis3Client.of(connection.getClass());
        if (!client.canReconnect()) {
            AgentLog.warnOnce(
                    "retry:jedis3-connection",
                    connection.getClass().getName()
                            + " is not a Jedis 3 connection the agent can reconnect; its commands are not retried",
                    null);
            return NO_RETRY;
        }
        String host = client.host(connection);
        int port = client.port(connection);
        int database = client.database(connection);
        for (PoolRecord record : AgentRuntime.current().registry().pools()) {
            if (record.identity().serves(host, port, database)) {
                String kind = record.identity().kind();
                return kind.contains("Cluster") || kind.contains("Sentinel") ? NO_RETRY : record.retryPolicy();
            }
        }
        return AgentRuntime.current().retry().fallback();
    }

    static String describe(byte[] name) {
        return name == null ? "?" : new String(name, StandardCharsets.UTF_8);
    }

    /** One thread's command on one connection: from its send to its reply (or to giving up). */
    static final class InFlight {
        Object connection;
        Object command;
        byte[][] args;
        RetryPolicy policy;
        long startNanos;
        int attempts;
        int unanswered;
        boolean reconnecting;

        void start(Object connection, Object command, byte[][] args, RetryPolicy policy, long startNanos) {
            this.connection = connection;
            this.command = command;
            this.args = args;
            this.policy = policy;
            this.startNanos = startNanos;
            this.attempts = 1;
            this.unanswered = 1;
        }

        /** Drops the references, so a thread does not keep the last command's arguments alive. */
        void clear() {
            connection = null;
            command = null;
            args = null;
            policy = null;
            unanswered = 0;
        }
    }
}
