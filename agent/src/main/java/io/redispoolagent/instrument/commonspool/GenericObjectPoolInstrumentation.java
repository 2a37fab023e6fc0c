package io.redispoolagent.instrument.commonspool;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.redispoolagent.instrument.TypeInstrumentation;
import io.redispoolagent.runtime.AgentRuntime;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * commons-pool2's {@code GenericObjectPool}: every synchronous Jedis and Lettuce pool is one, in
 * every client version, so these hooks see them all.
 */
public final class GenericObjectPoolInstrumentation {

    /** The pool: creation (sizing), borrow (timing, adoption), creates, releases, close. */
    public static final TypeInstrumentation POOL = TypeInstrumentation.of(
            "org.apache.commons.pool2.impl.GenericObjectPool",
            (builder, type) -> builder.visit(Advice.to(PoolCreatedAdvice.class)
                            .on(isConstructor()
                                    // (factory, config): the constructor every other one ends in, in 2.4 to 2.13, so a
                                    // pool is seen exactly once and with its configuration already applied.
                                    .and(takesArguments(2))
                                    .and(takesArgument(0, named("org.apache.commons.pool2.PooledObjectFactory")))))
                    .visit(Advice.to(BorrowAdvice.class).on(timedBorrow(type)))
                    .visit(Advice.to(CreateAdvice.class)
                            .on(named("create")
                                    .and(isPrivate())
                                    .and(returns(named("org.apache.commons.pool2.PooledObject")))))
                    .visit(releases())
                    .visit(Advice.to(PoolClosedAdvice.class).on(named("close").and(takesArguments(0)))));

    /** Its base class, where commons-pool2 itself measures how long each connection was used. */
    public static final TypeInstrumentation BASE_POOL = TypeInstrumentation.of(
            "org.apache.commons.pool2.impl.BaseGenericObjectPool",
            (builder, type) -> builder.visit(Advice.to(ReturnAdvice.Millis.class)
                            .on(named("updateStatsReturn").and(takesArguments(long.class))))
                    .visit(Advice.to(ReturnAdvice.Timed.class)
                            .on(named("updateStatsReturn").and(takesArgument(0, named("java.time.Duration"))))));

    private GenericObjectPoolInstrumentation() {}

    /**
     * Returns and invalidations, for leak detection only: without it they are not woven at all (a
     * shorter start-up, nothing on the return path).
     */
    static AsmVisitorWrapper releases() {
        // invalidateObject(T) delegates to invalidateObject(T, DestroyMode) from 2.9: releasing twice is harmless.
        return AgentRuntime.current().events().detectsLeaks()
                ? Advice.to(ReleaseAdvice.class)
                        .on(named("returnObject").and(takesArguments(1)).or(named("invalidateObject")))
                : AsmVisitorWrapper.NoOp.INSTANCE;
    }

    /**
     * The borrow method that does the work, so that each borrow is seen once: {@code borrowObject()}
     * always delegates to a timed variant, and from 2.11 on {@code borrowObject(long)} delegates to
     * {@code borrowObject(Duration)}.
     */
    static ElementMatcher<MethodDescription> timedBorrow(TypeDescription pool) {
        ElementMatcher.Junction<MethodDescription> byDuration =
                named("borrowObject").and(takesArguments(1)).and(takesArgument(0, named("java.time.Duration")));
        boolean hasDurationVariant =
                !pool.getDeclaredMethods().filter(byDuration).isEmpty();
        return hasDurationVariant
                ? byDuration
                : named("borrowObject").and(takesArguments(1)).and(takesArgument(0, long.class));
    }
}
