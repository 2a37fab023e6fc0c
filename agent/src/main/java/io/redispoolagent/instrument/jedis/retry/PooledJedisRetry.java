package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.pool.JedisClasses;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.pool.PooledObjects;
import io.redispoolagent.retry.FailureClassifier;
import io.redispoolagent.retry.FailureKind;
import io.redispoolagent.retry.RetryDecision;
import io.redispoolagent.retry.RetryPolicy;
import io.redispoolagent.retry.Safety;
import io.redispoolagent.runtime.AgentRuntime;
import io.redispoolagent.util.PerClass;
import io.redispoolagent.util.WeakIdentityTable;
import java.nio.charset.StandardCharsets;

/**
 * Retry for the {@code Jedis} a Jedis 4–8 {@code JedisPool} or {@code JedisSentinelPool} hands out
 * ({@code try (Jedis j = pool.getResource()) { j.get(k); }}, and Spring Data Redis' {@code
 * JedisConnectionFactory}): what the advice of {@link PooledJedisInstrumentation} calls.
 *
 * <p>Such a {@code Jedis} owns one {@code Connection} for the whole borrow, so a retry reconnects that
 * connection: every typed command is {@code Connection.executeCommand(CommandObject)}, whose body runs
 * again after the reconnect. The reconnect must give the command the connection it had:
 * <ul>
 *   <li>{@code connect()} alone opens a socket and nothing more, unauthenticated and on database 0. So
 *       the reconnect re-runs the connection's own handshake, {@code initializeFromClientConfig}, with
 *       the configuration that handshake received when the pool made the connection (captured at its
 *       entry: Jedis 8 passes a sanitized copy, and Jedis 4–6 keep none), then selects the database the
 *       {@code Jedis} is on ({@code getDB()}), and behind Sentinel checks that {@code ROLE} says master
 *       (the pool's failover listener may lag the failover).</li>
 *   <li>From the moment the old socket is closed until that handshake succeeded the connection is
 *       poisoned: a {@code connect()} outside the agent's handshake is refused with a {@code
 *       JedisConnectionException}, since {@code sendCommand} would otherwise reconnect silently,
 *       unauthenticated. A failed reconnect leaves it closed, broken and poisoned, and the pool destroys
 *       it when it comes back, exactly as a broken connection without the agent.</li>
 *   <li>Not retried: a connection whose state a handshake cannot restore ({@link ConnectionStateCommand}:
 *       WATCH, MULTI, the application's own AUTH/HELLO/RESET/CLIENT SETNAME/TRACKING, READONLY,
 *       pub/sub, MONITOR), whose database differs from what its {@code Jedis} believes, that was broken
 *       before the command started, or that belongs to no pool (a {@code Jedis} built by the
 *       application: its database is unknown). Pipelines, transactions and pub/sub never pass through
 *       {@code executeCommand(CommandObject)}; blocking commands are NEVER in the command table.</li>
 * </ul>
 * The decision is the one every retried path makes ({@link RetryPolicy#decide}): the command table
 * (a write that may have reached Redis is re-sent only when it is safe to repeat), attempts, backoff,
 * deadline, the pool's budget; a failed reconnect is an attempt. {@code UnifiedJedis} connections pass
 * through the same method but are retried at their executor ({@link JedisCommandRetry}), and cluster
 * connections by the cluster client: neither is ever adopted here.
 *
 * <p>Cost on the success path: one lock-free identity lookup of the connection and {@link
 * RetryPolicy#begin()} per command; a raw send looks its connection up only for the few commands that
 * change connection state; {@code connect()} looks up nothing until the first reconnect. Nothing is
 * allocated. Every failure of this code is caught by the advice, and the command then behaves as
 * without the agent.
 */
public final class PooledJedisRetry {

    private static final WeakIdentityTable<PooledConnection> CONNECTIONS = new WeakIdentityTable<>();

    /**
     * The pools whose {@code getResource()} the application calls for a {@code Jedis}. Not {@code
     * UnifiedJedis}' {@code ConnectionPool}: its executor retries the whole command, borrow included.
     */
    private static final PerClass<Boolean> JEDIS_POOLS = PerClass.of(
            type -> JedisClasses.JEDIS_POOL.describes(type) || JedisClasses.JEDIS_SENTINEL_POOL.describes(type));

    /** False until the first reconnect: until then no connection can be poisoned and connect() checks nothing. */
    private static volatile boolean reconnectedAny;

    private PooledJedisRetry() {}

    /** Entry of {@code initializeFromClientConfig(config)}: the configuration a reconnect replays. */
    public static void handshakeStarting(Object connection, Object clientConfig) {
        if (!AgentRuntime.current().retry().enabled()) {
            return;
        }
        PooledConnection state = CONNECTIONS.get(connection);
        if (state == null) {
            state = CONNECTIONS.putIfAbsent(connection, new PooledConnection());
        }
        state.handshakeStarted(clientConfig);
    }

    /** Exit of {@code initializeFromClientConfig}, whether it succeeded or threw. */
    public static void handshakeEnded(Object connection) {
        PooledConnection state = CONNECTIONS.get(connection);
        if (state != null) {
            state.handshakeEnded();
        }
    }

    /** A commons-pool2 pool made {@code pooledObject}: when it wraps a Jedis 4–8 {@code Jedis}, its connection is adopted. */
    public static void created(Object pool, Object pooledObject) {
        if (!AgentRuntime.current().retry().enabled() || pooledObject == null) {
            return;
        }
        PoolRecord record = AgentRuntime.current().registry().redisPool(pool);
        Object jedis = record == null ? null : PooledObjects.objectOf(pooledObject);
        Object connection =
                jedis == null ? null : JedisMembers.of(jedis.getClass()).connection(jedis);
        PooledConnection state = connection == null ? null : CONNECTIONS.get(connection);
        if (state == null) {
            return;
        }
        if (!JedisConnectionMembers.of(connection.getClass()).canReconnect()) {
            AgentLog.warnOnce(
                    "retry:jedis-connection",
                    connection.getClass().getName()
                            + " lacks a member the agent needs to reconnect it; commands of pooled Jedis are not retried",
                    null);
            return;
        }
        state.adopt(jedis, record.retryPolicy(), record.identity().kind().contains("Sentinel"));
    }

    /**
     * Entry of {@code executeCommand(CommandObject)}: the connection's state when its command may be
     * retried (the attempt count and start time set), else null.
     */
    public static PooledConnection executing(Object connection, boolean broken) {
        if (!AgentRuntime.current().retry().enabled() || broken) {
            return null;
        }
        PooledConnection state = CONNECTIONS.get(connection);
        if (state == null || state.policy() == null) {
            return null;
        }
        state.attempts = 1;
        state.startNanos = state.policy().begin();
        return state;
    }

    /**
     * Exit of {@code executeCommand(CommandObject)}. On success counts a recovery; on a failure decides,
     * pauses and reconnects, and returns true to run the command again.
     */
    public static boolean executed(Object connection, PooledConnection state, Throwable failure, Object commandObject) {
        RetryPolicy policy = state.policy();
        if (failure == null) {
            policy.onSuccess(state.attempts);
            return false;
        }
        // Decided once per command, at its first retryable failure: a failed reconnect changes neither.
        int database = -1;
        Safety commandSafety = null;
        Throwable current = failure;
        while (true) {
            FailureKind kind = FailureClassifier.classify(current);
            if (kind.retryable() && commandSafety == null) {
                Object jedis = state.jedis();
                database =
                        jedis == null ? -1 : JedisMembers.of(jedis.getClass()).database(jedis);
                commandSafety = state.restorable(database) ? JedisCommands.safety(policy, commandObject) : Safety.NEVER;
            }
            Safety safety = kind.retryable() ? commandSafety : Safety.NEVER;
            RetryDecision decision = policy.decide(kind, safety, state.attempts, state.startNanos);
            if (AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
                AgentLog.debug("pooled jedis " + JedisCommands.describe(commandObject) + " attempt " + state.attempts
                        + " failed (" + kind + ", " + safety + "): " + current + " -> " + decision);
            }
            if (!decision.retry() || !RetryPolicy.pause(decision)) {
                return false;
            }
            state.attempts++;
            current = reconnect(connection, state, database);
            if (current == null) {
                return true;
            }
        }
    }

    /**
     * Entry of a raw {@code sendCommand(ProtocolCommand[, arguments])}: records what the command does to
     * the connection's state. Looks the connection up only for a command that changes it.
     */
    public static void sendingRaw(Object connection, Object command, Object arguments) {
        if (!AgentRuntime.current().retry().enabled()) {
            return;
        }
        String name = JedisCommands.name(command);
        String subcommand = ConnectionStateCommand.needsSubcommand(name)
                ? JedisCommands.name(JedisCommands.firstArgument(arguments))
                : null;
        ConnectionStateCommand effect = ConnectionStateCommand.of(name, subcommand);
        if (effect == ConnectionStateCommand.NONE) {
            return;
        }
        PooledConnection state = CONNECTIONS.get(connection);
        if (state != null) {
            state.sent(effect, effect == ConnectionStateCommand.SELECT ? database(arguments) : 0);
        }
    }

    /**
     * Entry of {@code connect()}: the exception to throw instead of opening a socket that would skip the
     * handshake, or null. Never throws itself.
     */
    public static RuntimeException connecting(Object connection) {
        if (!reconnectedAny) {
            return null;
        }
        try {
            PooledConnection state = CONNECTIONS.get(connection);
            return state != null && state.refusesToConnect()
                    ? JedisConnectionMembers.of(connection.getClass())
                            .connectionException(
                                    "redis-pool-agent: this connection lost its handshake in a failed reconnect and is not"
                                            + " reconnected unauthenticated; the pool discards it")
                    : null;
        } catch (Throwable unexpected) {
            return null;
        }
    }

    /**
     * After an attempt of {@code getResource()} on a {@code JedisPool} or {@code JedisSentinelPool}
     * ({@code attempts} failed so far, the first at {@code startNanos}): counts a recovery, or decides on
     * the failure and pauses, and returns true to borrow again. A borrow that failed sent none of the
     * application's commands (the factory could not connect, a new connection died in its handshake or
     * in its activation's SELECT), and repeating a handshake changes nothing: any connection failure is
     * retried, as for a read; exhaustion never is, and is not counted as a retry outcome.
     */
    public static boolean resourceAttempted(Object pool, Throwable failure, int attempts, long startNanos) {
        PoolRecord record = AgentRuntime.current().retry().enabled() && JEDIS_POOLS.get(pool.getClass())
                ? AgentRuntime.current().registry().redisPool(pool)
                : null;
        if (record == null) {
            return false;
        }
        RetryPolicy policy = record.retryPolicy();
        if (failure == null) {
            policy.onSuccess(attempts + 1);
            return false;
        }
        FailureKind kind = FailureClassifier.classify(failure);
        if (!kind.retryable()) {
            // Exhaustion and the like are the pool's to count (timeouts), not a command's retry outcome.
            return false;
        }
        RetryDecision decision = policy.decide(kind, Safety.READ, attempts, startNanos);
        if (AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
            AgentLog.debug("jedis getResource attempt " + attempts + " failed: " + failure + " -> " + decision);
        }
        return decision.retry() && RetryPolicy.pause(decision);
    }

    /**
     * Closes the connection and opens it again through its own handshake, on {@code database} (the one
     * it was on), to a master when behind Sentinel. Returns null on success, else the failure (the connection is then
     * closed, broken and poisoned).
     */
    static Throwable reconnect(Object connection, PooledConnection state, int database) {
        JedisConnectionMembers members = JedisConnectionMembers.of(connection.getClass());
        int pushConsumers = members.pushConsumerCount(connection);
        reconnectedAny = true;
        state.poison();
        try {
            members.close(connection);
            members.initialize(connection, state.clientConfig());
            if (state.database() != database) {
                members.select(connection, database);
            }
            if (state.requiresMaster() && !members.isMaster(connection)) {
                throw new IllegalStateException("after reconnecting, the server is not the master");
            }
            state.reconnected();
            return null;
        } catch (Throwable failed) {
            members.close(connection);
            return failed;
        } finally {
            members.trimPushConsumers(connection, pushConsumers);
            state.reconnectEnded();
        }
    }

    /** The state recorded for {@code connection}, or null: for tests. */
    static PooledConnection stateOf(Object connection) {
        return CONNECTIONS.get(connection);
    }

    /** The database a raw SELECT names ({@code select(int)} sends it as the decimal bytes); -1 if unreadable. */
    private static int database(Object arguments) {
        Object first = JedisCommands.firstArgument(arguments);
        String text = first instanceof byte[]
                ? new String((byte[]) first, StandardCharsets.US_ASCII)
                : first instanceof String ? (String) first : null;
        try {
            return text == null ? -1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
