package io.redispoolagent.instrument;

import io.redispoolagent.log.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/** Logs each type the agent failed to instrument, once: that type then simply runs unmodified. */
final class FailureListener extends AgentBuilder.Listener.Adapter {

    @Override
    public void onError(
            String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
        report(typeName, throwable);
    }

    static void report(String typeName, Throwable failure) {
        AgentLog.warnOnce(
                "instrument:" + typeName,
                "could not instrument " + typeName + "; it keeps working without redis-pool-agent",
                failure);
    }
}
