package io.redispoolagent.instrument.commonspool;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * commons-pool2's {@code GenericObjectPool}: every synchronous Jedis and Lettuce pool is one, in
 * every client version, so one hook sees them all.
 */
public final class GenericObjectPoolInstrumentation {

    static final String POOL = "org.apache.commons.pool2.impl.GenericObjectPool";

    private GenericObjectPoolInstrumentation() {
    }

    public static AgentBuilder apply(AgentBuilder builder) {
        return builder.type(named(POOL)).transform((typeBuilder, type, classLoader, module, domain) ->
                typeBuilder.visit(Advice.to(PoolCreatedAdvice.class).on(isConstructor()
                        // (factory, config): the constructor every other one ends in, in 2.4 to 2.13, so a
                        // pool is seen exactly once and with its configuration already applied.
                        .and(takesArguments(2))
                        .and(takesArgument(0, named("org.apache.commons.pool2.PooledObjectFactory"))))));
    }
}
