package io.redispoolagent.instrument;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.export.Telemetry;
import io.redispoolagent.instrument.commonspool.GenericObjectPoolInstrumentation;
import io.redispoolagent.instrument.jedis.SentinelInstrumentation;
import io.redispoolagent.instrument.jedis.retry.JedisRetryInstrumentation;
import io.redispoolagent.instrument.lettuce.BoundedAsyncPoolInstrumentation;
import io.redispoolagent.pool.PoolLifecycle;
import io.redispoolagent.status.StatusServer;
import io.redispoolagent.retry.RetryPolicies;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Builds the Byte Buddy transformer for every client family the agent knows, and installs it. */
public final class AgentInstaller {

    private AgentInstaller() {
    }

    /**
     * At JVM start ({@code attached} false) no client class is loaded yet, so Byte Buddy is built only
     * when the first instrumented class loads. When attached to a running JVM, the client classes are
     * likely loaded already: Byte Buddy is installed at once and retransforms them.
     */
    public static void install(Instrumentation instrumentation, AgentConfig config, boolean attached) {
        PoolLifecycle.configure(config);
        RetryPolicies.configure(config.retry());
        Telemetry.install();
        StatusServer.install(config);
        // Two Byte Buddy switches that cut the cost of building the transformer, measured on a small
        // Jedis app (see the README): "raw" skips resolving generic signatures, which the agent's
        // matchers never read (~90 ms); "nexus.disabled" skips preparing the Nexus class injection
        // (~200 ms), which only serves live type initializers, and disableClassFormatChanges() below
        // rules those out. The shading relocates both keys with Byte Buddy itself, so only the agent's
        // own copy reads them, never an application's Byte Buddy.
        System.setProperty("net.bytebuddy.raw", "true");
        System.setProperty("net.bytebuddy.nexus.disabled", "true");
        if (attached) {
            builder().installOn(instrumentation);
        } else {
            instrumentation.addTransformer(new LazyTransformer(() -> builder().makeRaw()), true);
        }
    }

    private static AgentBuilder builder() {
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new FailureListener())
                .ignore(not(namedOneOf(InstrumentedTypes.NAMES.toArray(new String[0]))));
        builder = GenericObjectPoolInstrumentation.apply(builder);
        builder = SentinelInstrumentation.apply(builder);
        builder = JedisRetryInstrumentation.apply(builder);
        return BoundedAsyncPoolInstrumentation.apply(builder);
    }
}
