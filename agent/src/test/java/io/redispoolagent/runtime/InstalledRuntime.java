package io.redispoolagent.runtime;

import io.redispoolagent.config.ConfigResolver;
import java.util.Collections;
import java.util.Properties;

/** A runtime built from agent arguments and installed for advice code under test; closing puts the previous one back. */
public final class InstalledRuntime implements AutoCloseable {

    private final AgentRuntime runtime;
    private final AgentRuntime previous;

    private InstalledRuntime(AgentRuntime runtime) {
        this.runtime = runtime;
        this.previous = AgentRuntime.install(runtime);
    }

    /** Installs a runtime configured by {@code agentArguments} ({@code key=value,...}, as after {@code -javaagent:jar=}). */
    public static InstalledRuntime with(String agentArguments) {
        return new InstalledRuntime(new AgentRuntime(
                ConfigResolver.resolve(agentArguments, new Properties(), Collections.<String, String>emptyMap())
                        .config()));
    }

    public AgentRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        AgentRuntime.install(previous);
    }
}
