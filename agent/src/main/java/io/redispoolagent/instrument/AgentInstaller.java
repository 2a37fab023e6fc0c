package io.redispoolagent.instrument;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.instrument.commonspool.GenericObjectPoolInstrumentation;
import io.redispoolagent.instrument.jedis.SentinelInstrumentation;
import io.redispoolagent.instrument.lettuce.BoundedAsyncPoolInstrumentation;
import io.redispoolagent.pool.PoolLifecycle;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Builds and installs the Byte Buddy transformer for every client family the agent knows. */
public final class AgentInstaller {

    /** Only these packages are ever looked at, so classes of the rest of the application cost one name check. */
    private static final ElementMatcher.Junction<TypeDescription> CLIENT_PACKAGES =
            nameStartsWith("org.apache.commons.pool2.")
                    .or(nameStartsWith("redis.clients.jedis."))
                    .or(nameStartsWith("io.lettuce.core."));

    private AgentInstaller() {
    }

    public static void install(Instrumentation instrumentation, AgentConfig config) {
        PoolLifecycle.configure(config);
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new FailureListener())
                .ignore(not(CLIENT_PACKAGES));
        builder = GenericObjectPoolInstrumentation.apply(builder);
        builder = SentinelInstrumentation.apply(builder);
        builder = BoundedAsyncPoolInstrumentation.apply(builder);
        builder.installOn(instrumentation);
    }
}
