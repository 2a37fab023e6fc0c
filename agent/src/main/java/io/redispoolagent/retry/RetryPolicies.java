package io.redispoolagent.retry;

/**
 * Where the instrumentation gets its {@link RetryPolicy}s: the agent's retry settings ({@code
 * redis.pool.retry.*}, set once at start-up), one policy per pool (built by the pool's record, with
 * the pool's own budget and counters), and one shared fallback policy for commands whose pool the
 * agent does not know (a Jedis sentinel client between failovers, a pool built before the agent
 * registered it). Until {@link #configure} runs, retry is off.
 *
 * <p>The command table and the fallback policy are built at first use, not at start-up: a JVM whose
 * commands never fail, or that has no Redis client at all, never pays for them.
 */
public final class RetryPolicies {

    private static final RetrySettings OFF =
            RetrySettings.builder().enabled(false).build();

    /** The counters of commands of no known pool: outside {@link Built}, so reading them builds nothing. */
    private static final RetryStats UNPOOLED = new RetryStats();

    private static volatile RetrySettings settings = OFF;
    private static volatile Built built;

    private RetryPolicies() {}

    /** What is derived from the settings: the command table every policy shares, and the fallback policy. */
    private static final class Built {
        final CommandSafety commands;
        final RetryPolicy fallback;

        Built(RetrySettings settings) {
            this.commands = settings.commandSafety();
            this.fallback = policy(settings, commands, UNPOOLED);
        }
    }

    /** Called once by the installer with the resolved configuration. */
    public static synchronized void configure(RetrySettings retrySettings) {
        settings = retrySettings == null ? OFF : retrySettings;
        built = null;
    }

    private static Built built() {
        Built current = built;
        if (current == null) {
            synchronized (RetryPolicies.class) {
                current = built;
                if (current == null) {
                    current = new Built(settings);
                    built = current;
                }
            }
        }
        return current;
    }

    public static RetrySettings settings() {
        return settings;
    }

    /** True when retry is on (enforce and floor modes by default, observe mode only when enabled explicitly). */
    public static boolean enabled() {
        return settings.enabled();
    }

    /** A new policy for one pool, with a budget of its own, counting into {@code stats}. */
    public static RetryPolicy forPool(RetryStats stats) {
        return policy(settings, built().commands, stats);
    }

    private static RetryPolicy policy(RetrySettings current, CommandSafety commands, RetryStats stats) {
        return new RetryPolicy(
                current,
                commands,
                Backoff.of(current),
                RetryBudget.of(current, NanoClock.SYSTEM),
                stats,
                NanoClock.SYSTEM);
    }

    /** The policy for commands whose pool is unknown; its counters are {@link #fallbackStats()}. */
    public static RetryPolicy fallback() {
        return built().fallback;
    }

    public static RetryStats fallbackStats() {
        return UNPOOLED;
    }
}
