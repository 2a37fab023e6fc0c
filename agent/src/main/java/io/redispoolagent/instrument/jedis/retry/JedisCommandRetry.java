package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.reflect.Reflection;
import io.redispoolagent.retry.ArgumentAccessor;
import io.redispoolagent.retry.FailureClassifier;
import io.redispoolagent.retry.FailureKind;
import io.redispoolagent.retry.IdentityCache;
import io.redispoolagent.retry.RetryDecision;
import io.redispoolagent.retry.RetryPolicies;
import io.redispoolagent.retry.RetryPolicy;
import io.redispoolagent.retry.Safety;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

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

    private static final String POOLED_PROVIDER = "redis.clients.jedis.providers.PooledConnectionProvider";
    private static final String SENTINEL_PROVIDER = "redis.clients.jedis.providers.SentineledConnectionProvider";
    private static final String RAWABLE = "redis.clients.jedis.args.Rawable";

    private static final IdentityCache<Target> TARGETS = new IdentityCache<>();

    private static final ClassValue<Method> GET_RAW = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            Method method = interfaceMethod(type, RAWABLE, "getRaw");
            return method != null ? method : publicMethod(type, "getRaw");
        }
    };

    private static final ClassValue<Method> GET_ARGUMENTS = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return publicMethod(type, "getArguments");
        }
    };

    private JedisCommandRetry() {
    }

    /**
     * The policy for a command starting on {@code executor}, or null when it must not be retried
     * (retry off, or a provider that does not hand out a fresh connection per command).
     */
    public static RetryPolicy policy(Object executor) {
        if (!RetryPolicies.enabled()) {
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
    public static boolean retry(RetryPolicy policy, Throwable failure, Object commandObject, int attempts,
                                long startNanos) {
        if (failure == null) {
            if (attempts > 1) {
                policy.onSuccess(attempts);
            }
            return false;
        }
        FailureKind kind = FailureClassifier.classify(failure);
        Safety safety = kind.retryable() ? safety(policy, commandObject) : Safety.NEVER;
        RetryDecision decision = policy.decide(kind, safety, attempts, startNanos);
        if (AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
            AgentLog.debug("jedis " + describe(commandObject) + " attempt " + attempts + " failed (" + kind + ", "
                    + safety + "): " + failure + " -> " + decision);
        }
        return decision.retry() && RetryPolicy.pause(decision);
    }

    /** The command's classification, from its {@code CommandArguments}; NEVER when they cannot be read. */
    static Safety safety(RetryPolicy policy, Object commandObject) {
        byte[][] raw = rawArguments(commandObject);
        if (raw == null || raw.length == 0 || raw[0] == null) {
            return Safety.NEVER;
        }
        return policy.commands().classify(raw[0], raw, ArgumentAccessor.BYTE_ARRAYS, 1);
    }

    /**
     * A {@code CommandObject}'s arguments as bytes, the command name first ({@code CommandArguments} is an
     * {@code Iterable<Rawable>} whose first element is the {@code ProtocolCommand}); null if unreadable.
     * Runs on the failure path only.
     */
    static byte[][] rawArguments(Object commandObject) {
        try {
            Object arguments = GET_ARGUMENTS.get(commandObject.getClass()).invoke(commandObject);
            if (!(arguments instanceof Iterable)) {
                return null;
            }
            List<byte[]> raw = new ArrayList<>();
            for (Object element : (Iterable<?>) arguments) {
                raw.add(element == null ? null : (byte[]) GET_RAW.get(element.getClass()).invoke(element));
            }
            return raw.toArray(new byte[0][]);
        } catch (Exception | LinkageError unreadable) {
            return null;
        }
    }

    private static String describe(Object commandObject) {
        byte[][] raw = rawArguments(commandObject);
        return raw == null || raw.length == 0 || raw[0] == null ? "?" : new String(raw[0], java.nio.charset.StandardCharsets.UTF_8);
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
                Object provider = Reflection.field(executor, "provider");
                if (provider == null) {
                    return NONE;
                }
                if (Reflection.isA(provider.getClass(), POOLED_PROVIDER)) {
                    Object pool = publicMethod(provider.getClass(), "getPool").invoke(provider);
                    return pool == null ? NONE : new Target(false, pool);
                }
                if (Reflection.isA(provider.getClass(), SENTINEL_PROVIDER)) {
                    // Its pool is replaced at each failover: the shared fallback policy counts these.
                    return new Target(true, null);
                }
                return NONE;
            } catch (Exception | LinkageError unreadable) {
                AgentLog.warnOnce("retry:jedis-executor", "cannot find the pool of a Jedis command executor;"
                        + " its commands are not retried", unreadable);
                return NONE;
            }
        }

        RetryPolicy policy() {
            RetryPolicy policy = poolPolicy;
            if (policy != null) {
                return policy;
            }
            if (sentinel) {
                return RetryPolicies.fallback();
            }
            if (pool == null) {
                return null;
            }
            // The pool's record appears when the agent registers the pool (at its construction, or at
            // its first borrow after an attach): until then the shared policy serves.
            PoolRecord record = PoolRecord.ofPool(pool.get());
            if (record == null) {
                return RetryPolicies.fallback();
            }
            policy = record.retryPolicy();
            poolPolicy = policy;
            return policy;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reflection (the agent does not link against Jedis).

    private static Method publicMethod(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException | RuntimeException missing) {
            throw new IllegalStateException(type.getName() + " has no public " + name + "()", missing);
        }
    }

    private static Method interfaceMethod(Class<?> type, String interfaceName, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                Method found = implemented.getName().equals(interfaceName) ? method(implemented, name)
                        : interfaceMethod(implemented, interfaceName, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException missing) {
            return null;
        }
    }
}
