package io.redispoolagent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * For {@code attach}: Byte Buddy's AgentBuilder retransforms the instrumented classes a running JVM has
 * already loaded. A class of its own, so that a JVM started with {@code -javaagent} never loads it.
 */
final class Retransformer {

    private Retransformer() {}

    static void installOn(Instrumentation jvm) {
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new FailureListener())
                .ignore(not(namedOneOf(InstrumentedTypes.NAMES.toArray(new String[0]))));
        for (TypeInstrumentation instrumentation : Instrumentations.ALL) {
            builder = builder.type(named(instrumentation.typeName()).and(instrumentation::appliesTo))
                    .transform((typeBuilder, type, classLoader, module, domain) ->
                            instrumentation.transform(typeBuilder, type));
        }
        builder.installOn(jvm);
    }
}
