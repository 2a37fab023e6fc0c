package io.redispoolagent.instrument;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.runtime.AgentRuntime;
import java.lang.instrument.Instrumentation;

/** Builds the Byte Buddy transformer for every client family the agent knows, and installs it. */
public final class AgentInstaller {

    private AgentInstaller() {}

    /**
     * At JVM start ({@code attached} false) no client class is loaded yet: each instrumented class is
     * woven as it loads, and Byte Buddy itself is loaded only when the first one does. When attached to
     * a running JVM the client classes are likely loaded already: Byte Buddy's {@code AgentBuilder}
     * retransforms them at once.
     */
    public static void install(Instrumentation instrumentation, AgentConfig config, boolean attached) {
        AgentRuntime runtime = new AgentRuntime(config);
        AgentRuntime.install(runtime);
        runtime.start();
        // Two Byte Buddy switches that cut the cost of building the transformer, measured on a small
        // Jedis app (see the README): "raw" skips resolving generic signatures, which the agent's
        // matchers never read; "nexus.disabled" skips preparing the Nexus class injection, which only
        // serves live type initializers, and the agent never changes a class's format. The shading
        // relocates both keys with Byte Buddy itself, so only the agent's own copy reads them, never an
        // application's Byte Buddy.
        System.setProperty("net.bytebuddy.raw", "true");
        System.setProperty("net.bytebuddy.nexus.disabled", "true");
        if (attached) {
            Retransformer.installOn(instrumentation);
        } else {
            instrumentation.addTransformer(
                    new LazyTransformer(() -> new DirectTransformer(Instrumentations.ALL)), true);
        }
    }
}
