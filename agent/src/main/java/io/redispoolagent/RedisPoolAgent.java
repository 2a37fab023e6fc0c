package io.redispoolagent;

import io.redispoolagent.cli.Cli;
import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import io.redispoolagent.instrument.AgentInstaller;
import io.redispoolagent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/** Entry points: {@code -javaagent} (premain), attach to a running JVM (agentmain), and the CLI (main). */
public final class RedisPoolAgent {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private RedisPoolAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(arguments, instrumentation, true);
    }

    public static void main(String[] arguments) {
        System.exit(Cli.run(arguments, System.out));
    }

    private static void install(String arguments, Instrumentation instrumentation, boolean attached) {
        // The agent fails open: nothing it does at start-up may stop the application from starting.
        try {
            if (!INSTALLED.compareAndSet(false, true)) {
                AgentLog.info("already installed in this JVM; ignoring the second -javaagent or attach");
                return;
            }
            ConfigResolver.Result resolved = ConfigResolver.fromRuntime(arguments);
            AgentConfig config = resolved.config();
            AgentLog.setLevel(config.logLevel());
            for (String warning : resolved.warnings()) {
                AgentLog.warn(warning);
            }
            AgentLog.info(StartupSummary.describe(config));
            AgentInstaller.install(instrumentation, config, attached);
        } catch (Throwable failure) {
            AgentLog.error("could not start; the application runs without redis-pool-agent", failure);
        }
    }
}
