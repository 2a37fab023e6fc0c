package io.redispoolagent.instrument.jedis.retry;

import io.redispoolagent.retry.RetryPolicy;
import net.bytebuddy.asm.Advice;

/**
 * Around {@code DefaultCommandExecutor.executeCommand(CommandObject)}: the exit advice returns true to
 * run the method body again ({@code repeatOn}), which borrows a fresh connection. The attempt count and
 * the start time live in advice locals, so the success path allocates nothing. Both methods suppress
 * their own failures: the command then behaves as without the agent.
 */
public final class ExecuteCommandAdvice {

    private ExecuteCommandAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static RetryPolicy onEnter(@Advice.This Object executor, @Advice.Local("startNanos") long startNanos) {
        RetryPolicy policy = JedisCommandRetry.policy(executor);
        if (policy != null) {
            startNanos = policy.begin();
        }
        return policy;
    }

    @Advice.OnMethodExit(
            onThrowable = Throwable.class,
            repeatOn = Advice.OnNonDefaultValue.class,
            suppress = Throwable.class)
    public static boolean onExit(
            @Advice.Enter RetryPolicy policy,
            @Advice.Argument(0) Object commandObject,
            @Advice.Thrown Throwable failure,
            @Advice.Local("startNanos") long startNanos,
            @Advice.Local("attempts") int attempts) {
        if (policy == null) {
            return false;
        }
        attempts++;
        return JedisCommandRetry.retry(policy, failure, commandObject, attempts, startNanos);
    }
}
