package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.pool.JedisClasses;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.retry.FailureClassifier;
import io.redispoolagent.retry.FailureKind;
import io.redispoolagent.retry.RetryDecision;
import io.redispoolagent.retry.RetryPolicy;
import io.redispoolagent.retry.Safety;
import io.redispoolagent.runtime.AgentRuntime;
import io.redispoolagent.util.WeakIdentityTable;
import java.lang.ref.WeakReference;

/**
 * Retry for Jedis 4–8 {@code UnifiedJedis} clients ({@code JedisPooled}, {@code RedisClient}, {@code
 * JedisSentineled}, {@code RedisSentinelClient}, and {@code UnifiedJedis} over a pooled or sentineled
 * provider): what {@link ExecuteCommandAdvice} calls around {@code
 * redis.clients.jedis.executors.DefaultCommandExecutor.executeCommand(CommandObject)}.
 *
 * <p>Why there: in every Jedis from 4.4.8 to 8.0.x that method is, word for word,
 * <pre>{@code
 * try (Connection connection = provider.getConnection(commandObject.getArguments())) {
 *   return connection.executeCommand(commandObject);
 * }
 * }</pre>
 * so running its body again borrows a fresh connection from the pool. The failed one has already gone
 * back through {@code Connection.close()}: Jedis marks a connection broken on every {@code
 * JedisConnectionException} (socket error, end of stream, read timeout), and {@code close()} hands a
 * broken connection to {@code returnBrokenResource}, which destroys it. A broken connection never
 * returns to the pool and a retry never runs on it.
 *
 * <p>Where not: {@code ClusterCommandExecutor} (JedisCluster, RedisClusterClient) and {@code
 * RetryableCommandExecutor} already retry connection failures themselves ({@code maxAttempts}, {@code
 * maxTotalRetriesDuration}); the agent does not stack a second loop on theirs. {@code
 * SimpleCommandExecutor} (one fixed {@code Connection}) and the multi-database executors are not
 * touched. Over a {@code DefaultCommandExecutor}, only pooled ({@code PooledConnectionProvider}) and
 * sentinel ({@code SentineledConnectionProvider}) providers are retried: those borrow a fresh pooled
 * connection per command. Pipelines, transactions and pub/sub take a connection from the provider
 * directly and never pass through the hook.
 *
 * <p>Cost on the success path: one volatile read (retry on?), one lock-free identity lookup of the
 * executor, {@link RetryPolicy#begin()}; nothing is allocated. Every failure of this code is caught by
 * the advice ({@code suppress}), and the command then behaves as without the agent.
 */
public final class JedisCommandRetry {

    private static final WeakIdentityTable<Target> TARGETS = new WeakIdentityTable<>();

    private JedisCommandRetry() {}

    /**
     * The policy for a command starting on {@code executor}, or null when it must not be retried
     * (retry off, or a provider that does not hand out a fresh connection per command).
     */
    public static RetryPolicy policy(Object executor) {
        if (!AgentRuntime.current().retry().enabled()) {
            return null;
        }
        Target target = TARGETS.get(executor);
        if (target == null) {
            target = TARGETS.putIfAbsent(executor, Target.of(executor));
        }
        return target.policy();
    }

    /**
     * After an attempt: counts a recovery, or decides on a failure, pauses, and returns true to run the
     * command again. {@code failure} null is success (nothing allocated).
     */
    public static boolean retry(
            RetryPolicy policy, Throwable failure, Object commandObject, int attempts, long startNanos) {
        if (failure == null) {
            if (attempts > 1) {
                policy.onSuccess(attempts);
            }
            return false;
        }
        FailureKind kind = FailureClassifier.classify(failure);
        Safety safety = kind.retryable() ? JedisCommands.safety(policy, commandObject) : Safety.NEVER;
        RetryDecision decision = policy.decide(kind, safety, attempts, startNanos);
        if (AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
            AgentLog.debug("jedis " + JedisCommands.describe(commandObject) + " attempt " + attempts + " failed ("
                    + kind + ", " + safety + "): " + failure + " -> " + decision);
        }
        return decision.retry() && RetryPolicy.pause(decision);
    }

    /** What the agent knows of one executor: how to find its policy. */
    static final class Target {
        static final Target NONE = new Target(false, null);

        private final boolean sentinel;
        private final WeakReference<Object> pool;
        private volatile RetryPolicy poolPolicy;

        private Target(boolean sentinel, Object pool) {
            this.sentinel = sentinel;
            this.pool = pool == null ? null : new WeakReference<>(pool);
        }

        static Target of(Object executor) {
            try {
                Object provider = JedisClasses.provider(executor);
                if (provider == null) {
                    throw new IllegalStateException(executor.getClass().getName() + " has no provider");
                }
                if (JedisClasses.POOLED_PROVIDER.describes(provider.getClass())) {
                    Object pool = JedisClasses.poolOf(provider);
                    return pool == null ? NONE : new Target(false, pool);
                }
                if (JedisClasses.SENTINEL_PROVIDER.describes(provider.getClass())) {
                    // Its pool is replaced at each failover: the shared fallback policy counts these.
                    return new Target(true, null);
                }
                return NONE;
            } catch (Exception | LinkageError unreadable) {
                AgentLog.warnOnce(
                        "retry:jedis-executor",
                        "cannot find the pool of a Jedis command executor;" + " its commands are not retried",
                        unreadable);
                return NONE;
            }
        }

        RetryPolicy policy() {
            RetryPolicy policy = poolPolicy;
            if (policy != null) {
                return policy;
            }
            if (sentinel) {
                return AgentRuntime.current().retry().fallback();
            }
            if (pool == null) {
                return null;
            }
            // The pool's record appears when the agent registers the pool (at its construction, or at
            // its first borrow after an attach): until then the shared policy serves.
            PoolRecord record = AgentRuntime.current().registry().redisPool(pool.get());
            if (record == null) {
                return AgentRuntime.current().retry().fallback();
            }
            policy = record.retryPolicy();
            poolPolicy = policy;
            return policy;
        }
    }
}
