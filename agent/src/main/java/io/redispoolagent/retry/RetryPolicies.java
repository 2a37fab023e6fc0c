package io.redispoolagent.retry;

/**
 * Where the instrumentation gets its {@link RetryPolicy}s: the agent's retry settings ({@code
 * redis.pool.retry.*}, set once at start-up), one policy per pool (built by the pool's record, with
 * the pool's own budget and counters), and one shared fallback policy for commands whose pool the
 * agent does not know (a Jedis sentinel client between failovers, a pool built before the agent
 * registered it). Until {@link #configure} runs, retry is off.
 */
public final class RetryPolicies {

    private static final RetrySettings OFF = RetrySettings.builder().enabled(false).build();

    private static volatile RetrySettings settings = OFF;
    private static volatile CommandSafety commands = OFF.commandSafety();
    private static volatile RetryPolicy fallback = RetryPolicy.create(OFF);

    private RetryPolicies() {
    }

    /** Called once by the installer with the resolved configuration. */
    public static synchronized void configure(RetrySettings retrySettings) {
        RetrySettings resolved = retrySettings == null ? OFF : retrySettings;
        CommandSafety table = resolved.commandSafety();
        settings = resolved;
        commands = table;
        fallback = forPool(new RetryStats());
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
        RetrySettings current = settings;
        return new RetryPolicy(current, commands, Backoff.of(current), RetryBudget.of(current, NanoClock.SYSTEM),
                stats, NanoClock.SYSTEM);
    }

    /** The policy for commands whose pool is unknown; its counters are {@link #fallbackStats()}. */
    public static RetryPolicy fallback() {
        return fallback;
    }

    public static RetryStats fallbackStats() {
        return fallback.stats();
    }
}
