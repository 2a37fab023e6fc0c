package io.redispoolagent.retry;

/**
 * Where the instrumentation gets its {@link RetryPolicy}s: the agent's retry settings ({@code
 * redis.pool.retry.*}), one policy per pool (built by the pool's record, with the pool's own budget and
 * counters), and one shared fallback policy for commands whose pool the agent does not know (a Jedis
 * sentinel client between failovers, a pool built before the agent registered it).
 *
 * <p>The command table and the fallback policy are built at first use, not at start-up: a JVM whose
 * commands never fail, or that has no Redis client at all, never pays for them.
 */
public final class RetryPolicies {

    private final RetrySettings settings;
    /**
     * The counters of commands of no known pool: outside {@link Built}, so reading them builds nothing.
     * Their first outcome, whoever counts it (the fallback policy, Lettuce's replay guard), tells the
     * listener: a JVM whose only Redis client is a shared connection has no pool to start telemetry.
     */
    private final RetryStats unpooled = new RetryStats(this::firstUnpooledOutcome);

    private volatile Built built;
    /** The class loader of the first client whose outcome was recorded without a pool, for exporters. */
    private volatile ClassLoader unpooledClientLoader;

    private volatile Runnable firstUnpooledListener;

    public RetryPolicies(RetrySettings settings) {
        this.settings = settings;
    }

    /** What is derived from the settings: the command table every policy shares, and the fallback policy. */
    private final class Built {
        final CommandSafety commands = settings.commandSafety();
        final RetryPolicy fallback = policy(commands, unpooled);
    }

    private Built built() {
        Built current = built;
        if (current == null) {
            synchronized (this) {
                current = built;
                if (current == null) {
                    current = new Built();
                    built = current;
                }
            }
        }
        return current;
    }

    public RetrySettings settings() {
        return settings;
    }

    /** True when retry is on (enforce and floor modes by default, observe mode only when enabled explicitly). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** A new policy for one pool, with a budget of its own, counting into {@code stats}. */
    public RetryPolicy forPool(RetryStats stats) {
        return policy(built().commands, stats);
    }

    private RetryPolicy policy(CommandSafety commands, RetryStats stats) {
        return new RetryPolicy(
                settings,
                commands,
                Backoff.of(settings),
                RetryBudget.of(settings, NanoClock.SYSTEM),
                stats,
                NanoClock.SYSTEM);
    }

    /** The policy for commands whose pool is unknown; its counters are {@link #unpooledStats()}. */
    public RetryPolicy fallback() {
        return built().fallback;
    }

    /** The retry counters of commands of no pool the agent knows. */
    public RetryStats unpooledStats() {
        return unpooled;
    }

    /**
     * Counts the outcome of a command on no pool the agent knows, sent by a client of class {@code
     * client}, whose class loader is then where exporters look for the application's libraries.
     */
    public void recordUnpooled(RetryOutcome outcome, Class<?> client) {
        if (unpooledClientLoader == null) {
            unpooledClientLoader = client.getClassLoader();
        }
        unpooled.record(outcome);
    }

    /** Runs {@code listener} at the first outcome of a command on no pool (twice at most under a race). */
    public void onFirstUnpooledOutcome(Runnable listener) {
        firstUnpooledListener = listener;
    }

    private void firstUnpooledOutcome() {
        Runnable listener = firstUnpooledListener;
        if (listener != null) {
            listener.run();
        }
    }

    /** Where the application's libraries are seen from a client with unpooled outcomes, or null before one. */
    public ClassLoader unpooledClientLoader() {
        return unpooledClientLoader;
    }
}
